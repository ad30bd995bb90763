# steward_add_plugin(<name> SOURCES <files>...)
#
# Builds a Steward plugin: a MODULE library with hidden visibility that links the Steward core
# (for the SDK's interfaces) and lands where the plugin host looks for plugins. Used in-tree for
# the bundled plugins and, through find_package(Steward), by organisations' own plugins.
function(steward_add_plugin name)
    cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY;INSTALL_DESTINATION" "SOURCES" ${ARGN})
    add_library(${name} MODULE ${ARG_SOURCES})
    if(TARGET Steward::core)
        target_link_libraries(${name} PRIVATE Steward::core)
    endif()
    target_compile_definitions(${name} PRIVATE BOOST_DLL_USE_STD_FS)
    set_target_properties(${name} PROPERTIES
        PREFIX ""
        OUTPUT_NAME "steward-plugin-${name}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    if(ARG_OUTPUT_DIRECTORY)
        set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
    endif()
    if(ARG_INSTALL_DESTINATION)
        install(TARGETS ${name} LIBRARY DESTINATION ${ARG_INSTALL_DESTINATION})
    endif()
endfunction()
