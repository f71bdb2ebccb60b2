#ifndef BARAZA_CRSVG_SHIM_H
#define BARAZA_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#endif
