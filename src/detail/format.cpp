#include <routemap/detail/format.hpp>

#include <cmath>
#include <cstdio>

namespace routemap::detail {

std::string format_decimal(double value, int decimals, std::string_view nan_text) {
    if (std::isnan(value)) return std::string(nan_text);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

}  // namespace routemap::detail
