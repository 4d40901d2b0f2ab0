{
  "targets": [
    { "target_name": "fpu_mode", "sources": ["src/fpu_mode.c"] }
  ]
}
