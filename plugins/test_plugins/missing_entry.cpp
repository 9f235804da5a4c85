// A shared library that is not a routemap plugin: it has no entry point.
extern "C" __attribute__((visibility("default"))) int not_a_routemap_plugin() { return 42; }
