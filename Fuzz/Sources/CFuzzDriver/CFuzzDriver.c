// Header-only module: see include/CFuzzDriver.h.
