{
  "targets": [
    {
      "target_name": "jpeg_scale",
      "sources": ["src/jpeg_scale.c"],
      "conditions": [
        [
          "OS=='linux'",
          {
            "include_dirs": ["<!(pkg-config --variable=includedir libturbojpeg)"],
            "libraries": ["<!(pkg-config --libs libturbojpeg)"]
          }
        ],
        [
          "OS!='linux'",
          {
            "include_dirs": ["<!(node -p \"process.env.TURBOJPEG_ROOT || ''\")/include"],
            "libraries": ["<!(node -p \"process.env.TURBOJPEG_ROOT || ''\")/lib/<!(node -p \"process.platform === 'win32' ? 'turbojpeg-static.lib' : 'libturbojpeg.a'\")"]
          }
        ]
      ]
    }
  ]
}
