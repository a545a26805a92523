"""The journal's Merkle tree: secretariat.journal.domain.merkle (pure, no Django).

Known answers and corruption classes are those of transparency-dev/merkle's proof/verify_test.go
(the RFC 6962 test vectors): the 8 standard leaves, their roots for sizes 1-8, the published
inclusion and consistency proofs, and every way `corruptInclusionProof` and
`corruptConsistencyProof` spoil a good proof, each of which must be refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.journal.domain.merkle import (
    EMPTY_ROOT,
    ProofError,
    consistency_proof,
    hash_leaf,
    inclusion_proof,
    root_from_inclusion_proof,
    root_hash,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [
    bytes.fromhex(h)
    for h in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
LEAF_HASHES = [hash_leaf(leaf) for leaf in LEAVES]

ROOTS = [
    bytes.fromhex(h)
    for h in [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
]

SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")


def h(hex_digest: str) -> bytes:
    return bytes.fromhex(hex_digest)


# (leaf number counted from 1, tree size, proof), as published.
INCLUSION_PROOFS: list[tuple[int, int, list[bytes]]] = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (3, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (
        2,
        5,
        [
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
]

# (size1, size2, proof), as published.
CONSISTENCY_PROOFS: list[tuple[int, int, list[bytes]]] = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (
        2,
        5,
        [
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        6,
        7,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]


def accepts(check: Callable[[], None]) -> bool:
    try:
        check()
    except ProofError:
        return False
    return True


def flip(value: bytes, byte: int, mask: int) -> bytes:
    changed = bytearray(value)
    changed[byte] ^= mask
    return bytes(changed)


# --- known answers ------------------------------------------------------------------------------


def test_the_empty_tree_has_the_hash_of_nothing_as_its_root():
    assert root_hash([]) == EMPTY_ROOT
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@pytest.mark.parametrize("size", range(1, 9))
def test_the_published_root_of_the_first_n_standard_leaves(size):
    assert root_hash(LEAF_HASHES[:size]) == ROOTS[size - 1]


@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION_PROOFS)
def test_inclusion_proofs_equal_the_published_ones_and_verify(leaf, size, proof):
    assert inclusion_proof(leaf - 1, LEAF_HASHES[:size]) == proof
    verify_inclusion(leaf - 1, size, LEAF_HASHES[leaf - 1], proof, ROOTS[size - 1])


@pytest.mark.parametrize(("size1", "size2", "proof"), CONSISTENCY_PROOFS)
def test_consistency_proofs_equal_the_published_ones_and_verify(size1, size2, proof):
    assert consistency_proof(size1, LEAF_HASHES[:size2]) == proof
    verify_consistency(size1, size2, ROOTS[size1 - 1], ROOTS[size2 - 1], proof)


def test_proofs_are_not_made_for_leaves_or_sizes_outside_the_tree():
    with pytest.raises(ProofError):
        inclusion_proof(8, LEAF_HASHES)
    with pytest.raises(ProofError):
        inclusion_proof(-1, LEAF_HASHES)
    with pytest.raises(ProofError):
        consistency_proof(9, LEAF_HASHES)


# --- inclusion: corrupted proofs (corruptInclusionProof) --------------------------------------


def corrupted_inclusion_probes(
    index: int, size: int, proof: list[bytes], root: bytes, leaf: bytes
) -> list[tuple[str, int, int, bytes, list[bytes], bytes]]:
    probes = [
        ("leafIndex - 1", index - 1, size, leaf, proof, root),
        ("leafIndex + 1", index + 1, size, leaf, proof, root),
        ("leafIndex ^ 2", index ^ 2, size, leaf, proof, root),
        ("treeSize * 2", index, size * 2, leaf, proof, root),
        ("treeSize / 2", index, size // 2, leaf, proof, root),
        ("wrong leaf", index, size, b"WrongLeaf", proof, root),
        ("empty root", index, size, leaf, proof, EMPTY_ROOT),
        ("random root", index, size, leaf, proof, SOME_HASH),
        ("trailing garbage", index, size, leaf, [*proof, b""], root),
        ("trailing root", index, size, leaf, [*proof, root], root),
        ("preceding garbage", index, size, leaf, [b"", *proof], root),
        ("preceding root", index, size, leaf, [root, *proof], root),
    ]
    for i in range(len(proof)):
        wrong = list(proof)
        wrong[i] = flip(wrong[i], 0, 8)
        probes.append((f"modified proof[{i}] bit 3", index, size, leaf, wrong, root))
    if proof:
        probes.append(("removed component", index, size, leaf, proof[:-1], root))
    if len(proof) > 1:
        probes.append(
            ("inserted component", index, size, leaf, [proof[0], SOME_HASH, *proof[1:]], root)
        )
    return probes


# The first published vector, leaf 0 of size 0, is not a valid path; the Go test skips it too.
@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION_PROOFS)
def test_every_corruption_of_a_published_inclusion_proof_is_refused(leaf, size, proof):
    index, root, leaf_hash = leaf - 1, ROOTS[size - 1], LEAF_HASHES[leaf - 1]
    assert root_from_inclusion_proof(index, size, leaf_hash, proof) == root

    accepted = [
        desc
        for desc, i, n, lh, p, r in corrupted_inclusion_probes(index, size, proof, root, leaf_hash)
        if accepts(partial(verify_inclusion, i, n, lh, p, r))
    ]

    assert accepted == []


def test_a_single_entry_tree_needs_the_leaf_to_be_the_root_and_hashes_of_the_right_size():
    leaf = hash_leaf(b"data")
    verify_inclusion(0, 1, leaf, [], leaf)
    for wrong_leaf, wrong_root in [(b"", leaf), (leaf, b""), (b"", b"")]:
        assert not accepts(partial(verify_inclusion, 0, 1, wrong_leaf, [], wrong_root))


@pytest.mark.parametrize(("index", "size"), [(0, 0), (0, 1), (1, 0), (2, 1)])
def test_an_invalid_root_or_leaf_never_verifies(index, size):
    assert not accepts(lambda: verify_inclusion(index, size, SOME_HASH, [], b""))
    assert not accepts(lambda: verify_inclusion(index, size, b"", [], EMPTY_ROOT))
    assert not accepts(lambda: verify_inclusion(index, size, SOME_HASH, [], EMPTY_ROOT))


# --- consistency: corrupted proofs (corruptConsistencyProof) ----------------------------------


def corrupted_consistency_probes(
    size1: int, size2: int, root1: bytes, root2: bytes, proof: list[bytes]
) -> list[tuple[str, int, int, bytes, bytes, list[bytes]]]:
    probes = [
        ("size1 - 1", size1 - 1, size2, root1, root2, proof),
        ("size1 + 1", size1 + 1, size2, root1, root2, proof),
        ("size1 ^ 2", size1 ^ 2, size2, root1, root2, proof),
        ("size2 * 2", size1, size2 * 2, root1, root2, proof),
        ("size2 / 2", size1, size2 // 2, root1, root2, proof),
        ("wrong root1", size1, size2, b"WrongRoot", root2, proof),
        ("wrong root2", size1, size2, root1, b"WrongRoot", proof),
        ("swapped roots", size1, size2, root2, root1, proof),
        ("empty proof", size1, size2, root1, root2, []),
        ("trailing garbage", size1, size2, root1, root2, [*proof, b""]),
        ("trailing root1", size1, size2, root1, root2, [*proof, root1]),
        ("trailing root2", size1, size2, root1, root2, [*proof, root2]),
        ("preceding garbage", size1, size2, root1, root2, [b"", *proof]),
        ("preceding root1", size1, size2, root1, root2, [root1, *proof]),
        ("preceding root2", size1, size2, root1, root2, [root2, *proof]),
        ("preceding proof[0]", size1, size2, root1, root2, [proof[0], *proof]),
        ("truncated proof", size1, size2, root1, root2, proof[:-1]),
    ]
    for i in range(len(proof)):
        wrong = list(proof)
        wrong[i] = flip(wrong[i], 0, 16)
        probes.append((f"modified proof[{i}] bit 4", size1, size2, root1, root2, wrong))
    return probes


NON_TRIVIAL_CONSISTENCY = [vector for vector in CONSISTENCY_PROOFS if vector[2]]


@pytest.mark.parametrize(("size1", "size2", "proof"), NON_TRIVIAL_CONSISTENCY)
def test_every_corruption_of_a_published_consistency_proof_is_refused(size1, size2, proof):
    root1, root2 = ROOTS[size1 - 1], ROOTS[size2 - 1]

    accepted = [
        desc
        for desc, m, n, r1, r2, p in corrupted_consistency_probes(size1, size2, root1, root2, proof)
        if accepts(partial(verify_consistency, m, n, r1, r2, p))
    ]

    assert accepted == []


ROOT1, ROOT2 = b"don't care 1".ljust(32, b"."), b"don't care 2".ljust(32, b".")


@pytest.mark.parametrize(
    ("size1", "size2", "root1", "root2", "proof", "valid"),
    [
        (0, 0, ROOT1, ROOT2, [], False),
        (1, 1, ROOT1, ROOT2, [], False),
        # sizes that are always consistent
        (0, 0, ROOT1, ROOT1, [], True),
        (0, 1, ROOT1, ROOT2, [], True),
        (1, 1, ROOT2, ROOT2, [], True),
        # time travel to the past
        (1, 0, ROOT1, ROOT2, [], False),
        (2, 1, ROOT1, ROOT2, [], False),
        # empty proof
        (1, 2, ROOT1, ROOT2, [], False),
        # roots do not match
        (0, 0, EMPTY_ROOT, ROOT2, [], False),
        (1, 1, EMPTY_ROOT, ROOT2, [], False),
        # roots match but the proof is not empty
        (0, 0, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
        (0, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
        (1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], False),
    ],
)
def test_trivial_consistency_cases(size1, size2, root1, root2, proof, valid):
    assert accepts(lambda: verify_consistency(size1, size2, root1, root2, proof)) is valid


# --- properties over random trees -------------------------------------------------------------


def tree_of(size: int) -> list[bytes]:
    # Distinct leaves, so that no two positions can stand for each other.
    return [hash_leaf(f"entry {i}".encode()) for i in range(size)]


def recursive_root(leaves: Sequence[bytes]) -> bytes:
    """MTH as RFC 6962 writes it, to check the level-by-level root against."""
    from secretariat.journal.domain.merkle import hash_children

    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hash_children(recursive_root(leaves[:k]), recursive_root(leaves[k:]))


@settings(max_examples=60, deadline=None)
@given(size=st.integers(min_value=0, max_value=70))
def test_the_root_equals_the_recursive_definition(size):
    leaves = tree_of(size)
    assert root_hash(leaves) == recursive_root(leaves)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), size=st.integers(min_value=1, max_value=70))
def test_every_inclusion_proof_verifies_and_any_single_bit_change_fails(data, size):
    leaves = tree_of(size)
    root = root_hash(leaves)
    index = data.draw(st.integers(min_value=0, max_value=size - 1), label="index")
    proof = inclusion_proof(index, leaves)
    verify_inclusion(index, size, leaves[index], proof, root)

    # One bit changed anywhere in the proof, the leaf or the root.
    parts = [*proof, leaves[index], root]
    part = data.draw(st.integers(min_value=0, max_value=len(parts) - 1), label="part")
    bit = data.draw(st.integers(min_value=0, max_value=255), label="bit")
    parts[part] = flip(parts[part], bit // 8, 1 << (bit % 8))
    *wrong_proof, wrong_leaf, wrong_root = parts
    assert not accepts(lambda: verify_inclusion(index, size, wrong_leaf, wrong_proof, wrong_root))

    # Or another leaf's position.
    other = data.draw(st.integers(min_value=0, max_value=size - 1), label="other")
    if other != index:
        assert not accepts(lambda: verify_inclusion(other, size, leaves[index], proof, root))


@settings(max_examples=80, deadline=None)
@given(data=st.data(), second=st.integers(min_value=1, max_value=70))
def test_every_consistency_proof_verifies_and_any_single_bit_change_fails(data, second):
    leaves = tree_of(second)
    first = data.draw(st.integers(min_value=1, max_value=second), label="first")
    first_root, second_root = root_hash(leaves[:first]), root_hash(leaves)
    proof = consistency_proof(first, leaves)
    verify_consistency(first, second, first_root, second_root, proof)

    parts = [*proof, first_root, second_root]
    part = data.draw(st.integers(min_value=0, max_value=len(parts) - 1), label="part")
    bit = data.draw(st.integers(min_value=0, max_value=255), label="bit")
    parts[part] = flip(parts[part], bit // 8, 1 << (bit % 8))
    *wrong_proof, wrong_first, wrong_second = parts
    assert not accepts(
        lambda: verify_consistency(first, second, wrong_first, wrong_second, wrong_proof)
    )


@settings(max_examples=40, deadline=None)
@given(data=st.data(), second=st.integers(min_value=2, max_value=70))
def test_a_forked_history_has_no_consistency_proof(data, second):
    leaves = tree_of(second)
    first = data.draw(st.integers(min_value=1, max_value=second - 1), label="first")
    changed = data.draw(st.integers(min_value=0, max_value=first - 1), label="changed")
    forked = list(leaves)
    forked[changed] = hash_leaf(b"a rewritten entry")
    proof = consistency_proof(first, leaves)

    # The old root of the true history cannot be proven a prefix of the forked one.
    assert not accepts(
        lambda: verify_consistency(
            first, second, root_hash(leaves[:first]), root_hash(forked), proof
        )
    )
    assert not accepts(
        lambda: verify_consistency(
            first,
            second,
            root_hash(leaves[:first]),
            root_hash(forked),
            consistency_proof(first, forked),
        )
    )
