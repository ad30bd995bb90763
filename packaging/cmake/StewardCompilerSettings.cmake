# Compiler settings shared by every target of our own.

# Warnings are errors in our own code; third-party headers come in as SYSTEM includes.
function(steward_strict_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
                                             -Wno-error=deprecated-declarations)
    # GCC 12 reports -Wmaybe-uninitialized false positives inside libstdc++ (std::regex's
    # std::function) once the sanitizers instrument the code; the sanitizers themselves check
    # what that warning guesses at.
    if(STEWARD_SANITIZE)
        target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
endfunction()

if(STEWARD_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Boost.DLL header-only with std::filesystem; host and plugins must agree on this.
add_compile_definitions(BOOST_DLL_USE_STD_FS)

# Debian's hardening flags (what dpkg-buildflags gives a package build), in every build but the
# sanitizer one, whose instrumentation _FORTIFY_SOURCE would get in the way of. _FORTIFY_SOURCE
# needs an optimised build.
if(NOT STEWARD_SANITIZE)
    add_compile_options(-fstack-protector-strong
                        $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
