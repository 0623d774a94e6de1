// The one Catch2 main for jsonsieve_tests; test cases live in the other files of this folder.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
