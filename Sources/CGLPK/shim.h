#ifndef AQB_CGLPK_SHIM_H
#define AQB_CGLPK_SHIM_H

/* GLPK ships no pkg-config file on Debian: the header comes from /usr/include, the library is
   linked by name (module.modulemap). Install libglpk-dev. */
#include <glpk.h>

#endif
