#include <sqlite3.h>
#include "CSQLiteConfig.h"

int irkb_sqlite_enable_triggers(void *db, int on) {
    int now = -1;
    return sqlite3_db_config((sqlite3 *)db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on, &now);
}

int irkb_sqlite_memstatus_off(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
