#ifndef IRKB_CSQLITECONFIG_H
#define IRKB_CSQLITECONFIG_H

/// sqlite3_db_config is variadic, which Swift cannot call: this is its one use in irkb.
/// Turns the triggers of the connection `db` (a sqlite3 *) off (0) or on (1); returns an SQLite
/// result code. Toggling expires the connection's prepared statements, which SQLite prepares
/// again on their next use.
int irkb_sqlite_enable_triggers(void *db, int on);

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS), which take a process-wide
/// mutex on every allocation. Works only before the first connection is opened; returns an
/// SQLite result code (SQLITE_MISUSE afterwards, which is harmless).
int irkb_sqlite_memstatus_off(void);

/// Gives the heap's free memory back to the system (glibc's malloc_trim; elsewhere nothing).
/// Memory freed by many threads stays mapped in their arenas: a bulk load's finish, which sorts
/// on top of what the load left, calls it first. Returns 1 when memory was released.
int irkb_release_free_memory(void);

#endif
