#pragma once
// The umbrella header: everything in routemap's public API.

#include <routemap/version.hpp>

#include <routemap/diagnostic.hpp>
#include <routemap/error.hpp>
#include <routemap/limits.hpp>

#include <routemap/framework_spec.hpp>
#include <routemap/framework.hpp>
#include <routemap/dependency_graph.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/search_path.hpp>
#include <routemap/registry.hpp>
#include <routemap/plugin.hpp>

#include <routemap/status.hpp>
#include <routemap/assessment.hpp>
#include <routemap/assessment_io.hpp>
#include <routemap/scoring.hpp>
#include <routemap/target.hpp>
#include <routemap/gap.hpp>
#include <routemap/progression.hpp>
#include <routemap/collection.hpp>
#include <routemap/compare.hpp>
#include <routemap/crosswalk.hpp>
#include <routemap/rollup.hpp>
#include <routemap/migration.hpp>
#include <routemap/aggregate.hpp>
#include <routemap/batch.hpp>
#include <routemap/report.hpp>
#include <routemap/form.hpp>
#include <routemap/printing.hpp>
#include <routemap/agreement.hpp>
#include <routemap/panel.hpp>
#include <routemap/authoring.hpp>
#include <routemap/markdown.hpp>
