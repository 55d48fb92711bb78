// QSettings keys are paths below the groups the code is in: a deployment binds
// `partners/webhookUrl`, read as `value("webhookUrl")` inside
// `beginGroup("partners")`, and a key read after `endGroup()` is below no group.
#include <QSettings>
#include <QString>
#include <QVariant>

#include "common/model.h"
#include "common/post.h"

void notifyPartner(const Customer& c) {
  QSettings settings("/etc/depotd/depotd.ini", QSettings::IniFormat);
  settings.beginGroup("partners");
  const QString hook = settings.value("webhookUrl").toString();
  settings.endGroup();
  post(hook.toStdString(), c.email);  // expect: violation customer.contact -- partners/webhookUrl
}

void reportTracking(const Shipment& s) {
  QSettings settings;
  settings.beginGroup("partners");
  settings.endGroup();
  const QString url = settings.value("tracking/url").toString();
  post(url.toStdString(), s.tracking_no);  // expect: allowed shipment.tracking -- outside the group again
}

void reportCarrier(const Shipment& s) {
  QSettings settings;
  settings.beginGroup("carriers");
  settings.beginGroup("dhl");
  const QString endpoint = settings.value("endpoint").toString();
  post(endpoint.toStdString(), s.tracking_no);  // expect: violation shipment.tracking -- carriers/dhl/endpoint
}
