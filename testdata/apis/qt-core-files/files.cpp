// Qt file exports: QFile::write, and QTextStream / QDataStream over a QFile or a
// QSaveFile, go to the file's path. A QTextStream over a local QString only fills
// that string; it leaves the program when the string is sent.
#include <cstdio>

#include <QtCore/QByteArray>
#include <QtCore/QDataStream>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QString>
#include <QtCore/QTextStream>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>

#include "common/model.h"

void write_file(const Customer& c) {
  QFile f(QStringLiteral("/var/spool/depot/contacts.txt"));
  if (!f.open(QIODevice::WriteOnly)) return;
  f.write(QByteArray::fromStdString(c.phone));  // expect: unresolved customer.contact
  f.write("# end\n");  // expect-none
}

void stream_csv(const Shipment& s) {
  QSaveFile f(QStringLiteral("/srv/sftp/outbound/manifest.csv"));
  if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return;
  QTextStream out(&f);
  out << "tracking;destination\n";  // expect-none
  out << QString::fromStdString(s.tracking_no) << ';'  // expect: unresolved shipment.tracking
      << QString::fromStdString(s.destination) << '\n';
  f.commit();
}

void stream_binary(const Customer& c) {
  QFile f(QString("/var/spool/depot/%1.bin").arg(QStringLiteral("pod")));
  if (!f.open(QIODevice::WriteOnly)) return;
  QDataStream ds(&f);
  ds << QString::fromStdString(c.name);  // expect: unresolved customer.identity
}

void csv_in_memory(QNetworkAccessManager& nam, const Customer& c) {
  QString csv;
  QTextStream ts(&csv);
  ts << QString::fromStdString(c.email) << '\n';
  ts.flush();
  nam.put(QNetworkRequest(QUrl("https://archive.example.cn/contacts.csv")), csv.toUtf8());  // expect: violation customer.contact
}

// The buffer is never sent: writing into it exports nothing.
QString csv_kept(const Customer& c) {
  QString csv;
  QTextStream ts(&csv);
  ts << QString::fromStdString(c.email) << '\n';  // expect-none
  return csv;
}

// A stream over the C library's console streams writes to the console, as
// fprintf(stderr, ...) does: no export. One over a file opened by path still is.
void console_diagnostics(const Customer& c) {
  QTextStream err(stderr);
  err << "unroutable consignee " << QString::fromStdString(c.name) << '\n';  // expect-none
  QTextStream out(stdout);
  out << QString::fromStdString(c.street);  // expect-none
  FILE* log = fopen("/var/log/depot/consignees.log", "a");
  QTextStream file(log);
  file << QString::fromStdString(c.name);  // expect: unresolved customer.identity
}
