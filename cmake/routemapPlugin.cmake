# routemap_add_plugin(<name> SOURCES <files...>)
# Builds a compiled routemap plugin (a MODULE library named <name>.so, no "lib" prefix) linked to
# routemap::routemap, so that third-party plugins build exactly like the ones in routemap's tree.
# Install it into <prefix>/share/routemap/plugins, or any directory on ROUTEMAP_PATH under plugins/.
function(routemap_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_compile_features(${name} PRIVATE cxx_std_20)
  if(TARGET routemap::routemap)
    target_link_libraries(${name} PRIVATE routemap::routemap)
  else()
    target_link_libraries(${name} PRIVATE routemap)
  endif()
endfunction()
