// Frame times of the topology map at NOC scale: 1,000 devices and 2,000 links, full-view repaints
// zoomed out (the whole map), half-way and zoomed in (labels drawn), for each combination of scene
// index, device cache mode and antialiasing, so the widget's defaults rest on numbers.
// Run offscreen (QT_QPA_PLATFORM=offscreen) and under xvfb-run; prints wall-clock mean, p50, p99
// and max per frame in ms, and the mean CPU time of the painting thread (steadier on a busy machine;
// under Xvfb the X server's own work is not in it).
//   bench_topologymap [--frames N] [--devices N] [--links N]

#include "ui/topologytestdata.h"

#include "widgets/topologydeviceitem.h"
#include "widgets/topologylinklayer.h"
#include "widgets/topologymapview.h"
#include "widgets/topologyscene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Config
{
    const char *name;
    QGraphicsScene::ItemIndexMethod index;
    QGraphicsItem::CacheMode cache;
    bool antialias;        // the view's hint: devices and sites
    bool linksAntialiased;
};

struct Stats
{
    double mean = 0, p50 = 0, p99 = 0, max = 0;
    double cpuMean = 0;   // this thread's CPU time: what the map costs, whatever else the machine runs
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Stats measure(noc::TopologyMapView &view, int frames)
{
    for (int i = 0; i < 5; ++i)   // warm-up: caches, glyph atlas, band arrays
        view.viewport()->repaint();
    std::vector<double> ms;
    ms.reserve(size_t(frames));
    QElapsedTimer timer;
    const double cpuStart = threadCpuMs();
    for (int i = 0; i < frames; ++i) {
        timer.start();
        view.viewport()->repaint();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    Stats s;
    s.cpuMean = (threadCpuMs() - cpuStart) / frames;
    std::sort(ms.begin(), ms.end());
    for (double v : ms)
        s.mean += v;
    s.mean /= double(ms.size());
    s.p50 = ms[ms.size() / 2];
    s.p99 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))];
    s.max = ms.back();
    return s;
}

int argValue(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int frames = argValue(args, u"--frames"_s, 60);
    const int devices = argValue(args, u"--devices"_s, 1000);
    const int links = argValue(args, u"--links"_s, 2000);

    noc::TopologyMapView view;
    view.resize(1600, 1000);
    view.topologyScene()->setPollInterval(300s);
    view.topologyScene()->setReferenceTime(topologytest::referenceTime());
    QElapsedTimer build;
    build.start();
    view.setSnapshot(topologytest::large(devices, links));
    const double buildMs = double(build.nsecsElapsed()) / 1e6;
    view.show();
    QCoreApplication::processEvents();

    std::printf("topology map: %d devices, %d links, %dx%d viewport, platform %s, %d frames per row\n", devices, links,
                view.viewport()->width(), view.viewport()->height(), qPrintable(QGuiApplication::platformName()), frames);
    std::printf("snapshot to scene (layout + items): %.1f ms\n", buildMs);
    std::printf("%-36s %-10s %8s %8s %8s %8s %8s\n", "configuration", "zoom", "mean", "p50", "p99", "max", "cpu");

    const Config configs[] = {
        {"bsp, no cache, all antialiased", QGraphicsScene::BspTreeIndex, QGraphicsItem::NoCache, true, true},
        {"bsp, no cache, all aliased", QGraphicsScene::BspTreeIndex, QGraphicsItem::NoCache, false, false},
        {"bsp, no cache, aliased links", QGraphicsScene::BspTreeIndex, QGraphicsItem::NoCache, true, false},
        {"bsp, device cache, aliased links", QGraphicsScene::BspTreeIndex, QGraphicsItem::DeviceCoordinateCache, true, false},
        {"no index, no cache, aliased links", QGraphicsScene::NoIndex, QGraphicsItem::NoCache, true, false},
    };
    const QPointF centre = view.topologyScene()->itemsBoundingRect().center();
    for (const Config &config : configs) {
        view.topologyScene()->setItemIndexMethod(config.index);
        for (auto *item : view.topologyScene()->devicesInReadingOrder())
            item->setCacheMode(config.cache);
        view.setRenderHint(QPainter::Antialiasing, config.antialias);
        view.topologyScene()->linkLayer()->setAntialiased(config.linksAntialiased);
        struct Zoom
        {
            const char *name;
            qreal factor;   // 0: fit the whole map
        };
        for (const Zoom zoom : {Zoom{"fit", 0}, Zoom{"0.5", 0.5}, Zoom{"1.0", 1.0}}) {
            if (zoom.factor == 0) {
                view.fitAll();
            } else {
                view.setZoom(zoom.factor);
                view.centerOn(centre);
            }
            char label[16];
            std::snprintf(label, sizeof label, "%s(%.2f)", zoom.name, view.zoom());
            const Stats s = measure(view, frames);
            std::printf("%-36s %-10s %8.2f %8.2f %8.2f %8.2f %8.2f\n", config.name, label, s.mean, s.p50, s.p99, s.max,
                        s.cpuMean);
            std::fflush(stdout);
        }
    }

    // Incremental updates: every device changes status once, then one repaint of what changed.
    view.topologyScene()->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    for (auto *item : view.topologyScene()->devicesInReadingOrder())
        item->setCacheMode(QGraphicsItem::NoCache);
    view.setRenderHint(QPainter::Antialiasing, true);
    view.topologyScene()->linkLayer()->setAntialiased(false);
    view.fitAll();
    QCoreApplication::processEvents();
    QElapsedTimer updates;
    updates.start();
    for (auto *item : view.topologyScene()->devicesInReadingOrder()) {
        const auto &d = item->device();
        view.applyDeviceStatus({d.id, d.status == noc::DeviceStatus::Up ? noc::DeviceStatus::Major : noc::DeviceStatus::Up,
                                d.cause, d.acknowledged, d.inMaintenance, d.lastPolled, {}});
    }
    const double applyMs = double(updates.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents();
    std::printf("%d status updates applied in %.2f ms, then painted in %.2f ms (whole burst)\n", devices, applyMs,
                double(updates.nsecsElapsed()) / 1e6);
    return 0;
}
