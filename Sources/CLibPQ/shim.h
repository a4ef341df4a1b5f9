#ifndef AQB_CLIBPQ_SHIM_H
#define AQB_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/* PG_DIAG_* are character macros ('C', 'M', ...) that Swift cannot import; re-export them. */
static const int AQB_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int AQB_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int AQB_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int AQB_PG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int AQB_PG_DIAG_SEVERITY_NONLOCALIZED = PG_DIAG_SEVERITY_NONLOCALIZED;

#endif
