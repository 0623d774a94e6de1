# Compiler and link settings shared by jsonsieve's own targets.

# Warnings for code we write (never for RE2 or other third-party sources).
function(jsonsieve_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()

# The engine reports errors as values and never needs type info: enforce both in every build,
# so a `throw`, `try` or `dynamic_cast` fails natively with g++ as it would in wasm.
set(JSONSIEVE_ENGINE_FLAGS -fno-exceptions -fno-rtti)

# Wasm executables that CTest runs under Node (no-op natively):
# - suffix .cjs: emcc's glue is CommonJS, and the root package.json says "type": "module", so Node
#   would load a .js glue as ESM and fail on require();
# - real filesystem access (suite files, test data), a runtime that exits with main()'s status,
#   growable memory and a stack deep enough for the suite's nested schemas.
function(jsonsieve_node_executable target)
  if(EMSCRIPTEN)
    set_target_properties(${target} PROPERTIES SUFFIX ".cjs")
    target_link_options(${target} PRIVATE
      -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=8MB -sINITIAL_MEMORY=32MB)
  endif()
endfunction()
