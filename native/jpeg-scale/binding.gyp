{
  "targets": [
    {
      "target_name": "jpeg_scale",
      "sources": ["src/jpeg_scale.c"],
      "variables": {
        "tj_include": "<!(node find-turbojpeg.js include)",
        "tj_libs": ["<!@(node find-turbojpeg.js libs)"]
      },
      "conditions": [
        ["tj_include==''", { "defines": ["JPEG_SCALE_WITHOUT_TURBOJPEG"] }],
        ["tj_include!=''", { "include_dirs": ["<(tj_include)"], "libraries": ["<@(tj_libs)"] }]
      ]
    }
  ]
}
