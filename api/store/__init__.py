"""The database: engines and sessions, migrations, backup and restore."""
