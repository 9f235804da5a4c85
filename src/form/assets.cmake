# The form page's stylesheet and script are plain files beside this one (so that they can be read,
# edited and checked as CSS and JavaScript); this embeds them into the library as string literals.
# CMake reconfigures when one of them changes.
set(ROUTEMAP_FORM_JS_FILES util.js toml.js load.js levels.js render.js state.js errors.js main.js)  # in this order

set(ROUTEMAP_FORM_DIR ${CMAKE_CURRENT_LIST_DIR})
file(READ ${ROUTEMAP_FORM_DIR}/form.css ROUTEMAP_FORM_CSS)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ROUTEMAP_FORM_DIR}/form.css)
set(ROUTEMAP_FORM_JS "")
foreach(js IN LISTS ROUTEMAP_FORM_JS_FILES)
  file(READ ${ROUTEMAP_FORM_DIR}/js/${js} content)
  string(APPEND ROUTEMAP_FORM_JS "// --- ${js}\n${content}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ROUTEMAP_FORM_DIR}/js/${js})
endforeach()

# What would end the raw string literal, or the <style>/<script> element early, must not be there.
foreach(what IN ITEMS CSS JS)
  string(TOLOWER "${ROUTEMAP_FORM_${what}}" lower)
  foreach(bad IN ITEMS ")routemap_form\"" "</script" "</style" "<!--")
    string(FIND "${lower}" "${bad}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "src/form: the form's ${what} contains '${bad}', which cannot be embedded")
    endif()
  endforeach()
endforeach()

set(ROUTEMAP_FORM_ASSETS_CPP ${PROJECT_BINARY_DIR}/src/form/assets.cpp)
configure_file(${ROUTEMAP_FORM_DIR}/assets.cpp.in ${ROUTEMAP_FORM_ASSETS_CPP} @ONLY)
