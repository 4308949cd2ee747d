#ifndef CTSCAN_VERSION_H
#define CTSCAN_VERSION_H
#define CTS_VERSION "0.1.0"
#endif
