# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), for settings that differ by
# generator.
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb writes the project's summary before every component's description unless it is
    # CPack's own default; each component's description starts with a synopsis of its own.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
