#ifndef AQB_CXLSXWRITER_SHIM_H
#define AQB_CXLSXWRITER_SHIM_H

/* libxlsxwriter writes .xlsx files (zip of XML); Swift reaches it only through XLSXWorkbook. */
#include <xlsxwriter.h>

#endif
