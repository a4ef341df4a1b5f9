#ifndef AQB_CCMARKGFM_SHIM_H
#define AQB_CCMARKGFM_SHIM_H

/* GitHub's CommonMark library with its extensions (tables, tagfilter); Swift reaches it only
   through CommonMark. The extensions' header comes with libcmark-gfm-extensions-dev. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* Option macros built from shifts, re-exported so Swift sees them as plain constants. */
static const int AQB_CMARK_OPT_SAFE = CMARK_OPT_SAFE;
static const int AQB_CMARK_OPT_VALIDATE_UTF8 = CMARK_OPT_VALIDATE_UTF8;

#endif
