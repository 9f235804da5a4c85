#pragma once
// Aggregating many assessments of one framework (an organisation's services, a network's members).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace routemap {

class Assessment;
class Framework;
class Registry;

struct Distribution {
    std::string id;
    std::string name;
    std::vector<std::size_t> level_counts;  // index = level (0 = below the first tier)
    std::size_t count = 0;                  // assessments in which it was applicable
    double median_level = 0.0;
    double mean_score = 0.0;
    double median_score = 0.0;
    int min_level = 0;
    int max_level = 0;
};

struct Aggregate {
    std::string framework_id;
    std::string model;
    std::vector<std::string> level_labels;
    std::vector<std::string> subjects;
    Distribution overall;
    std::vector<Distribution> domains;
    std::vector<Distribution> areas;
};

// Every assessment is validated against the framework first (AssessmentError lists the problems).
Aggregate aggregate(const Registry& registry, const Framework& framework, std::span<const Assessment> assessments,
                    std::string_view model = {});

}  // namespace routemap
