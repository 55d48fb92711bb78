// A second file-static s_note, unrelated to the one in local.cpp: only a literal.
#include <sys/socket.h>

#include <string>

static std::string s_note;

static void flush_local_note(int fd) {
  send(fd, s_note.data(), s_note.size(), 0);  // expect-none
}

void post_maintenance_note(int fd) {
  s_note = "maintenance at 02:00";
  flush_local_note(fd);
}
