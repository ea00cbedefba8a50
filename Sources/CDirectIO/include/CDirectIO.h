#ifndef CERTAUDIT_CDIRECTIO_H
#define CERTAUDIT_CDIRECTIO_H
/// `O_DIRECT`, which glibc's headers only define under `_GNU_SOURCE` (so Swift's Glibc module does
/// not have it), and whose value differs between architectures; 0 where the system has none.
int ca_o_direct_flag(void);
#endif
