#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

#include <cstdlib>

// Pixel checks shared by the screenshot tests: a screenshot must show something (many colours),
// and a colour that only data can draw must be there.
namespace screenshot {

// Pixels within `tolerance` (sum of the channel differences) of a colour.
inline int pixelsNear(const QImage &image, const QColor &colour, int tolerance = 24)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb c = line[x];
            if (std::abs(qRed(c) - colour.red()) + std::abs(qGreen(c) - colour.green()) + std::abs(qBlue(c) - colour.blue()) < tolerance)
                ++count;
        }
    }
    return count;
}

inline qsizetype distinctColours(const QImage &image)
{
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++histogram[image.pixel(x, y)];
    return histogram.size();
}

} // namespace screenshot
