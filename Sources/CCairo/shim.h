#ifndef BARAZA_CCAIRO_SHIM_H
#define BARAZA_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
