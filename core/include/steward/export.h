// Symbol visibility for the Steward core library and the plugin SDK.
#pragma once

#if defined(STEWARD_CORE_BUILDING)
#define STEWARD_CORE_API __attribute__((visibility("default")))
#else
#define STEWARD_CORE_API
#endif

// Interfaces shared between the host and plugins must have one typeinfo across shared
// objects, even when a plugin is built with -fvisibility=hidden.
#define STEWARD_INTERFACE __attribute__((visibility("default")))
