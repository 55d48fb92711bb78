// Qt WebSockets: QWebSocket::open names the peer of sendTextMessage/sendBinaryMessage,
// also when the socket is a member opened in the constructor and written from a slot.
#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkRequest>
#include <QtWebSockets/QWebSocket>

#include "common/model.h"

void push_recipient(const Customer& c) {
  QWebSocket ws;
  ws.open(QUrl(QStringLiteral("wss://driver-app.depot-link.de/ws")));
  ws.sendTextMessage(QString::fromStdString(c.name));  // expect: allowed customer.identity
  ws.sendTextMessage(QStringLiteral("hello"));  // expect-none
}

void push_binary(const Shipment& s) {
  QWebSocket ws;
  QNetworkRequest req(QUrl(QStringLiteral("wss://relay.track-mirror.example.cn/feed")));
  ws.open(req);
  ws.sendBinaryMessage(QByteArray::fromStdString(s.tracking_no));  // expect: violation shipment.tracking
  ws.ping(QByteArray("keepalive"));  // expect-none
}

class DriverBridge {
public:
  DriverBridge() : url_(QStringLiteral("wss://tours.cargo-sync.example.cn/driver")) {
    socket_.open(url_);
  }
  void pushStop(const Customer& c) {
    QJsonObject stop{{QStringLiteral("phone"), QString::fromStdString(c.phone)},
                     {QStringLiteral("street"), QString::fromStdString(c.street)}};
    const QString text = QString::fromUtf8(QJsonDocument(stop).toJson());
    socket_.sendTextMessage(text);  // expect: violation customer.contact customer.address
  }

private:
  QUrl url_;
  QWebSocket socket_;
};

void run_bridge(const Customer& c) {
  DriverBridge bridge;
  bridge.pushStop(c);
}
