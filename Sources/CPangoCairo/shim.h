#ifndef BARAZA_CPANGOCAIRO_SHIM_H
#define BARAZA_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#endif
