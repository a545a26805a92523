"""The journal as a Merkle tree (RFC 6962 / RFC 9162 §2.1), in pure Python: roots, proofs, checks.

Use this module to answer "is entry i in the journal whose root is R?" (inclusion) and "is the
journal of size m, root R1, a prefix of the journal of size n, root R2?" (consistency) with
O(log n) hashes, and to check such answers without trusting whoever produced them.

Leaves are the entries' hashes as stored: SHA-256(0x00 || entry bytes), already the RFC 6962 leaf
hash; an interior node is SHA-256(0x01 || left || right); the root of the empty tree is SHA-256("").
Every hash here is 32 raw bytes; leaf index and tree size count from 0 and 1 as in RFC 9162.

The verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 step by step, and refuse anything malformed
(a hash of the wrong length, an index outside the tree, a proof element too many or too few)
rather than guessing, so that every corruption of the transparency-dev test classes is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HASH_SIZE = 32
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof cannot be made (bad sizes) or does not check out."""


def hash_leaf(data: bytes) -> bytes:
    """RFC 6962 leaf hash of raw leaf data (the journal stores this already, as `entry_hash`)."""
    return hashlib.sha256(b"\x00" + data).digest()


def hash_children(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two strictly smaller than `size` (size >= 2): where a tree divides."""
    return 1 << ((size - 1).bit_length() - 1)


def root_hash(leaves: Sequence[bytes]) -> bytes:
    """MTH(D[n]) of RFC 6962 §2.1, computed level by level in O(n) hashes and O(n) memory.

    Pairing neighbours from the left and carrying an unpaired last node up unchanged builds the
    same tree as the recursive definition (left subtree always the largest power of two).
    """
    if not leaves:
        return EMPTY_ROOT
    level = list(leaves)
    while len(level) > 1:
        paired = [hash_children(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def inclusion_proof(index: int, leaves: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree `leaves`."""
    size = len(leaves)
    if not 0 <= index < size:
        raise ProofError(f"leaf index {index} is outside a tree of size {size}")
    return _path(index, leaves, 0, size)


def _path(index: int, leaves: Sequence[bytes], start: int, end: int) -> list[bytes]:
    size = end - start
    if size == 1:
        return []
    k = _split(size)
    if index < k:
        return [*_path(index, leaves, start, start + k), _subtree_root(leaves, start + k, end)]
    return [*_path(index - k, leaves, start + k, end), _subtree_root(leaves, start, start + k)]


def _subtree_root(leaves: Sequence[bytes], start: int, end: int) -> bytes:
    return root_hash(leaves[start:end])


def consistency_proof(first: int, leaves: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the tree of size `first` is a prefix of `leaves`.

    The proof between equal sizes, or from the empty tree, is empty.
    """
    second = len(leaves)
    if not 0 <= first <= second:
        raise ProofError(f"cannot prove size {first} consistent with size {second}")
    if first in (0, second):
        return []
    return _subproof(first, leaves, 0, second, True)


def _subproof(m: int, leaves: Sequence[bytes], start: int, end: int, whole: bool) -> list[bytes]:
    size = end - start
    if m == size:
        return [] if whole else [_subtree_root(leaves, start, end)]
    k = _split(size)
    if m <= k:
        return [
            *_subproof(m, leaves, start, start + k, whole),
            _subtree_root(leaves, start + k, end),
        ]
    return [
        *_subproof(m - k, leaves, start + k, end, False),
        _subtree_root(leaves, start, start + k),
    ]


def _check_hash(value: bytes, what: str) -> None:
    if not isinstance(value, bytes) or len(value) != HASH_SIZE:
        raise ProofError(f"{what} must be a {HASH_SIZE}-byte hash")


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that `proof` yields for `leaf` at `index` in a tree of `size` (RFC 9162 §2.1.3.2).

    Raises ProofError when the proof cannot belong to that index and size at all.
    """
    if size <= 0 or not 0 <= index < size:
        raise ProofError(f"leaf index {index} is outside a tree of size {size}")
    _check_hash(leaf, "the leaf hash")
    fn, sn = index, size - 1
    result = leaf
    for position, element in enumerate(proof):
        _check_hash(element, f"proof element {position}")
        if sn == 0:
            raise ProofError("the proof is longer than the path from this leaf to the root")
        if fn & 1 or fn == sn:
            result = hash_children(element, result)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            result = hash_children(result, element)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("the proof is shorter than the path from this leaf to the root")
    return result


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Raise ProofError unless `proof` shows `leaf` at `index` in the tree of `size` and `root`."""
    _check_hash(root, "the root")
    if root_from_inclusion_proof(index, size, leaf, proof) != root:
        raise ProofError("the inclusion proof does not lead to the expected root")


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: Sequence[bytes]
) -> None:
    """Raise ProofError unless `proof` shows tree (first, first_root) is a prefix of
    (second, second_root), as in RFC 9162 §2.1.4.2."""
    _check_hash(first_root, "the first root")
    _check_hash(second_root, "the second root")
    if first < 0 or second < 0:
        raise ProofError("tree sizes cannot be negative")
    if first > second:
        raise ProofError(f"size {first} is larger than size {second}: history cannot shrink")
    if first == second:
        if proof:
            raise ProofError("a proof between equal sizes must be empty")
        if first_root != second_root:
            raise ProofError(f"two different roots for the same size {first}")
        return
    if first == 0:
        if proof:
            raise ProofError("a proof from the empty tree must be empty")
        return
    if not proof:
        raise ProofError("the consistency proof is empty")
    for position, element in enumerate(proof):
        _check_hash(element, f"proof element {position}")
    path = list(proof)
    if first & (first - 1) == 0:  # an exact power of two: the first tree is a node of the second
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    first_result = second_result = path[0]
    for element in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is too long")
        if fn & 1 or fn == sn:
            first_result = hash_children(element, first_result)
            second_result = hash_children(element, second_result)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            second_result = hash_children(second_result, element)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("the consistency proof is too short")
    if first_result != first_root:
        raise ProofError(f"the proof does not lead to the root of size {first}")
    if second_result != second_root:
        raise ProofError(f"the proof does not lead to the root of size {second}")
