#ifndef BARAZA_CQRENCODE_SHIM_H
#define BARAZA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
