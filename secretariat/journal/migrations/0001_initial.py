from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="JournalEntry",
            fields=[
                ("seq", models.BigIntegerField(primary_key=True, serialize=False)),
                ("recorded_at", models.DateTimeField()),
                ("actor_role", models.CharField(max_length=20)),
                ("actor_state", models.CharField(blank=True, default="", max_length=2)),
                ("actor_user", models.CharField(blank=True, default="", max_length=150)),
                ("action", models.CharField(db_index=True, max_length=100)),
                ("subject", models.CharField(db_index=True, max_length=200)),
                ("entry_bytes", models.BinaryField()),
                ("prev_hash", models.CharField(max_length=64)),
                ("entry_hash", models.CharField(max_length=64, unique=True)),
            ],
            options={
                "verbose_name_plural": "journal entries",
                "ordering": ["seq"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("seq__gte", 1)), name="journal_seq_positive"
                    )
                ],
            },
        ),
    ]
