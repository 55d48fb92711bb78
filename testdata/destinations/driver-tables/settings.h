#ifndef SETTINGS_H
#define SETTINGS_H
struct settings {
    char notify_host[64];
};
int cfg_load(void);
const struct settings *cfg_get(void);
#endif
