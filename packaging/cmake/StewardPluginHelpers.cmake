# steward_add_plugin(<name> SOURCES <files>... [OUTPUT_DIRECTORY <dir>] [INSTALL_DESTINATION <dir>]
#                    [INSTALL_COMPONENT <component>])
#
# Builds a Steward plugin: a MODULE library named steward-plugin-<name>.so, the file name the plugin
# host looks for. Used in-tree for the bundled plugins and, through find_package(Steward), by
# organisations for their own plugins:
#   find_package(Steward REQUIRED)
#   steward_add_plugin(acme SOURCES acme_plugin.cpp INSTALL_DESTINATION ${STEWARD_PLUGIN_INSTALL_DIR})
#
# The plugin links Steward::sdk (libsteward-sdk, no Qt), which carries the SDK headers, the
# interfaces' out-of-line destructors (one typeinfo shared by host and plugin), the Boost headers
# and the BOOST_DLL_USE_STD_FS definition that host and plugins must agree on. It is linked with
# --no-undefined, so a plugin that uses anything outside the SDK fails here, not when the host
# loads it. Symbols are hidden; the STEWARD_PLUGIN macro exports the two the host needs.
function(steward_add_plugin name)
    cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY;INSTALL_DESTINATION;INSTALL_COMPONENT" "SOURCES"
                          ${ARGN})
    if(NOT ARG_SOURCES)
        message(FATAL_ERROR "steward_add_plugin(${name}): no SOURCES given")
    endif()
    if(ARG_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "steward_add_plugin(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT name MATCHES "^[a-z0-9]+(-[a-z0-9]+)*$")
        message(FATAL_ERROR "steward_add_plugin(${name}): use lower-case words joined by '-'")
    endif()

    add_library(${name} MODULE ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Steward::sdk)
    # (The sanitizers' run-time is the executable's, so an instrumented plugin has undefined
    # symbols by design.)
    if(NOT STEWARD_SANITIZE AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
        target_link_options(${name} PRIVATE LINKER:--no-undefined)
    endif()
    target_compile_features(${name} PRIVATE cxx_std_20)
    target_compile_definitions(${name} PRIVATE BOOST_DLL_USE_STD_FS)
    set_target_properties(${name} PROPERTIES
        PREFIX ""
        OUTPUT_NAME "steward-plugin-${name}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        # The SDK is Qt-free; a plugin has nothing for moc or rcc.
        AUTOMOC OFF
        AUTORCC OFF
        AUTOUIC OFF)
    if(ARG_OUTPUT_DIRECTORY)
        set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
    endif()
    if(ARG_INSTALL_DESTINATION)
        set(component)
        if(ARG_INSTALL_COMPONENT)
            set(component COMPONENT ${ARG_INSTALL_COMPONENT})
        endif()
        install(TARGETS ${name} LIBRARY DESTINATION ${ARG_INSTALL_DESTINATION} ${component})
    endif()
endfunction()
