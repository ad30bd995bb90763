// Symbol visibility for the Steward libraries. Both are built with hidden symbols and export only
// what is marked:
//   STEWARD_SDK_API   libsteward-sdk: what the SDK headers declare (all a plugin links against)
//   STEWARD_CORE_API  libsteward-core: the services behind the programs, for in-tree clients only
#pragma once

#if defined(STEWARD_SDK_BUILDING)
#define STEWARD_SDK_API __attribute__((visibility("default")))
#else
#define STEWARD_SDK_API
#endif

#if defined(STEWARD_CORE_BUILDING)
#define STEWARD_CORE_API __attribute__((visibility("default")))
#else
#define STEWARD_CORE_API
#endif

// Interfaces shared between the host and plugins must have one typeinfo across shared
// objects, even when a plugin is built with -fvisibility=hidden.
#define STEWARD_INTERFACE __attribute__((visibility("default")))
