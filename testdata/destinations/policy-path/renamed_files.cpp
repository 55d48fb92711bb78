// Files written under a temporary name and renamed into place: the export is the
// file under its final name. Written in /tmp and renamed into the EDI spool it is
// allowed; written in the spool and renamed into /tmp it is denied. A file only
// copied elsewhere (not renamed) stays where it was written.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/model.h"

void spool_label(const Shipment& s) {
  char tmp[128], final_name[128];
  std::snprintf(final_name, sizeof final_name, "/var/spool/edi/label-%s.txt", s.tracking_no.c_str());
  std::snprintf(tmp, sizeof tmp, "/tmp/.label-%s.part", s.tracking_no.c_str());
  FILE* fp = std::fopen(tmp, "w");
  if (!fp) return;
  std::fputs(s.destination.c_str(), fp);  // expect: allowed shipment.routing
  std::fclose(fp);
  std::rename(tmp, final_name);
}

void leak_label(const Shipment& s) {
  const std::filesystem::path staged = "/var/spool/edi/staged.txt";
  std::ofstream out(staged);
  out << s.destination;  // expect: violation shipment.routing
  out.close();
  std::filesystem::rename(staged, "/tmp/label.txt");
}

void keep_label(const Shipment& s) {
  FILE* fp = std::fopen("/tmp/label-copy.txt", "w");
  if (!fp) return;
  std::fputs(s.destination.c_str(), fp);  // expect: violation shipment.routing
  std::fclose(fp);
  std::rename("/tmp/other.txt", "/var/spool/edi/other.txt");
}
