// Qt signals and slots: what a signal is emitted with reaches the slots, lambdas
// and functions connected to it (pointer-to-member and functor connections).
#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <QtCore/QVariantMap>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>
#include <QtNetwork/QUdpSocket>

#include "common/model.h"

class Scanner : public QObject {
  Q_OBJECT
 public:
  void scan(const Shipment& s) {
    Q_EMIT labelled(QByteArray::fromStdString(s.tracking_no + ";" + s.recipient.name));
    QVariantMap pod;
    pod.insert(QStringLiteral("phone"), QString::fromStdString(s.recipient.phone));
    Q_EMIT delivered(pod);
    Q_EMIT heartbeat(42);
  }
 Q_SIGNALS:
  void labelled(const QByteArray& label);
  void delivered(const QVariantMap& pod);
  void heartbeat(int depot);
};

class Printer : public QObject {
  Q_OBJECT
 public:
  void print(const QByteArray& label) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("10.40.2.15"), 9100);
    socket.write(label);  // expect: allowed shipment.tracking customer.identity
  }
  void beat(int depot) {
    QUdpSocket udp;
    udp.writeDatagram(QByteArray::number(depot), QHostAddress(QStringLiteral("203.0.113.9")), 7000);  // expect-none
  }
};

// A slot's own field, set by its class's constructor: the slot runs on some Relay,
// and every Relay sends there.
class Relay : public QObject {
  Q_OBJECT
 public:
  Relay() : m_host(QStringLiteral("relay.platform.example.cn")) {}
  void forward(const QByteArray& label) {
    QTcpSocket socket;
    socket.connectToHost(m_host, 7002);
    socket.write(label);  // expect: violation shipment.tracking customer.identity
  }

 private:
  QString m_host;
};

void relay(const QVariantMap& pod) {
  QTcpSocket socket;
  socket.connectToHost(QStringLiteral("relay.platform.example.cn"), 7001);
  socket.write(pod.value(QStringLiteral("phone")).toString().toUtf8());  // expect: violation customer.contact
}

void wire(Scanner* scanner, Printer* printer, Relay* forwarder) {
  QObject::connect(scanner, &Scanner::labelled, printer, &Printer::print);
  QObject::connect(scanner, &Scanner::labelled, forwarder, &Relay::forward);
  QObject::connect(scanner, &Scanner::heartbeat, printer, &Printer::beat);
  QObject::connect(scanner, &Scanner::delivered, [](const QVariantMap& pod) { relay(pod); });
}

// A signal of the library (`QTimer::timeout`) is emitted by the event loop: the lambda
// connected to it runs with what it captured, here the queue the caller filled.
class ScanQueue {
 public:
  ScanQueue() : m_host(QStringLiteral("scans.depot-mirror.example.cn")) {}
  void add(const Shipment& s) { m_pending = QByteArray::fromStdString(s.tracking_no); }
  void flush() {
    QTcpSocket socket;
    socket.connectToHost(m_host, 7100);
    socket.write(m_pending);  // expect: violation shipment.tracking
  }

 private:
  QString m_host;
  QByteArray m_pending;
};

void close_day(const Shipment& s, QTimer* timer) {
  ScanQueue queue;
  queue.add(s);
  QObject::connect(timer, &QTimer::timeout, [&queue]() { queue.flush(); });
}
