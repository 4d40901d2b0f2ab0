/*
 * Runs in: face worker threads (loaded through index.js).
 * decode(jpeg, denom, strict, tables, encode, cb): the JPEG decoded by libjpeg-turbo at 1/denom (1, 2, 4 or 8) to
 * packed RGB on a libuv thread. At 1/8 libjpeg-turbo computes one DCT coefficient per block and no
 * upsampling work, which sharp 0.34 reaches only for targets it then has to resample (pipeline.cc
 * lowers the shrink to 1/4 at a factor of exactly 8): for a 12 MP photo the decode takes half as long.
 * With `tables` and `encode` it also converts the pixels to sRGB there (icc-srgb.ts: a phone's
 * Display P3), beside the other strips' decodes rather than after them on the worker's thread.
 * The header is read on the JS thread (microseconds) so the output Buffer is made there: Electron's
 * V8 sandbox forbids external buffers.
 */
#include <node_api.h>

#ifndef JPEG_SCALE_WITHOUT_TURBOJPEG /* binding.gyp: libjpeg-turbo was not found at build time */
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#define MAX_PIXELS 120000000.0

typedef struct {
  napi_async_work work;
  napi_ref input_ref, output_ref, cb_ref, tables_ref, encode_ref;
  /* Optional conversion to sRGB (icc-srgb.ts): out[c] = encode[clamp(sum_k tables[c*3+k][in[k]])]. */
  const int32_t *tables;
  const uint8_t *encode;
  int32_t encode_max;
  tjhandle tj;
  const unsigned char *src;
  size_t src_len;
  unsigned char *dst;
  int width, height, strict, failed;
  char message[200];
} Job;

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, NULL, msg);
  return NULL;
}

static void call_back(napi_env env, napi_value cb, const char *error, napi_value data, int w, int h) {
  napi_value global, argv[4], ignored;
  napi_get_global(env, &global);
  if (error) {
    napi_value msg;
    napi_create_string_utf8(env, error, NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, NULL, msg, &argv[0]);
    napi_call_function(env, global, cb, 1, argv, &ignored);
    return;
  }
  napi_get_null(env, &argv[0]);
  argv[1] = data;
  napi_create_int32(env, w, &argv[2]);
  napi_create_int32(env, h, &argv[3]);
  napi_call_function(env, global, cb, 4, argv, &ignored);
}

static void execute(napi_env env, void *data) {
  (void)env;
  Job *job = data;
  int flags = job->strict ? TJFLAG_STOPONWARNING : 0;
  if (tjDecompress2(job->tj, job->src, (unsigned long)job->src_len, job->dst, job->width, 0, job->height,
                    TJPF_RGB, flags) != 0) {
    /* A warning (a cut or damaged file) leaves decoded pixels behind: accepted unless strict. */
    if (job->strict || tjGetErrorCode(job->tj) != TJERR_WARNING) {
      job->failed = 1;
      strncpy(job->message, tjGetErrorStr2(job->tj), sizeof(job->message) - 1);
      return;
    }
  }
  if (job->tables) {
    const int32_t *t = job->tables, n = job->encode_max;
    unsigned char *p = job->dst, *end = job->dst + (size_t)job->width * job->height * 3;
    for (; p < end; p += 3) {
      int r = p[0], g = p[1], b = p[2];
      for (int c = 0; c < 3; c++) {
        int32_t v = t[(c * 3) * 256 + r] + t[(c * 3 + 1) * 256 + g] + t[(c * 3 + 2) * 256 + b];
        p[c] = job->encode[v <= 0 ? 0 : v >= n ? n : v];
      }
    }
  }
}

static void complete(napi_env env, napi_status status, void *data) {
  Job *job = data;
  napi_value cb, out;
  napi_get_reference_value(env, job->cb_ref, &cb);
  napi_get_reference_value(env, job->output_ref, &out);
  if (status != napi_ok && !job->failed) {
    job->failed = 1;
    strcpy(job->message, "decode cancelled");
  }
  tjDestroy(job->tj);
  napi_delete_reference(env, job->input_ref);
  napi_delete_reference(env, job->output_ref);
  napi_delete_reference(env, job->cb_ref);
  if (job->tables_ref) napi_delete_reference(env, job->tables_ref);
  if (job->encode_ref) napi_delete_reference(env, job->encode_ref);
  napi_delete_async_work(env, job->work);
  int w = job->width, h = job->height, failed = job->failed;
  char message[200];
  memcpy(message, job->message, sizeof(message));
  free(job);
  call_back(env, cb, failed ? message : NULL, out, w, h);
}

/* The typed array's data when it is of `type` with exactly `length` elements, else NULL. */
static void *typed(napi_env env, napi_value v, napi_typedarray_type type, size_t length) {
  bool is = false;
  napi_is_typedarray(env, v, &is);
  if (!is) return NULL;
  napi_typedarray_type t;
  size_t n;
  void *data;
  napi_get_typedarray_info(env, v, &t, &n, &data, NULL, NULL);
  return t == type && n == length ? data : NULL;
}

static napi_value Decode(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 6) return throw_type(env, "decode(jpeg, denom, strict, tables, encode, callback)");
  bool is_buffer = false;
  napi_valuetype cb_type, tables_type;
  napi_is_buffer(env, argv[0], &is_buffer);
  napi_typeof(env, argv[5], &cb_type);
  napi_typeof(env, argv[3], &tables_type);
  if (!is_buffer || cb_type != napi_function) return throw_type(env, "decode(jpeg: Buffer, denom, strict, tables, encode, callback)");
  const int32_t *tables = NULL;
  const uint8_t *encode = NULL;
  size_t encode_len = 0;
  if (tables_type != napi_null && tables_type != napi_undefined) {
    tables = typed(env, argv[3], napi_int32_array, 9 * 256);
    bool is = false;
    napi_is_typedarray(env, argv[4], &is);
    if (is) {
      napi_typedarray_type t;
      void *data;
      napi_get_typedarray_info(env, argv[4], &t, &encode_len, &data, NULL, NULL);
      if (t == napi_uint8_array && encode_len > 1) encode = data;
    }
    if (!tables || !encode) return throw_type(env, "tables: Int32Array(2304), encode: Uint8Array");
  }
  int32_t denom = 0;
  bool strict = false;
  napi_get_value_int32(env, argv[1], &denom);
  napi_get_value_bool(env, argv[2], &strict);
  if (denom != 1 && denom != 2 && denom != 4 && denom != 8) return throw_type(env, "denom must be 1, 2, 4 or 8");

  void *src;
  size_t len;
  napi_get_buffer_info(env, argv[0], &src, &len);
  tjhandle tj = tjInitDecompress();
  if (!tj) {
    call_back(env, argv[5], "libjpeg-turbo could not start a decompressor", NULL, 0, 0);
    return NULL;
  }
  int w = 0, h = 0, subsamp = 0, cs = 0;
  const char *refusal = NULL;
  if (len == 0 || tjDecompressHeader3(tj, src, (unsigned long)len, &w, &h, &subsamp, &cs) != 0)
    refusal = len == 0 ? "empty input" : tjGetErrorStr2(tj);
  else if (cs == TJCS_CMYK || cs == TJCS_YCCK)
    refusal = "CMYK or YCCK JPEG (left to sharp, which converts it)";
  else if ((double)w * (double)h > MAX_PIXELS || w <= 0 || h <= 0)
    refusal = "picture too large";
  if (refusal) {
    char message[200] = {0};
    strncpy(message, refusal, sizeof(message) - 1);
    tjDestroy(tj);
    call_back(env, argv[5], message, NULL, 0, 0);
    return NULL;
  }

  Job *job = calloc(1, sizeof(Job));
  job->tj = tj;
  job->src = src;
  job->src_len = len;
  job->strict = strict;
  job->width = (w + denom - 1) / denom;
  job->height = (h + denom - 1) / denom;
  job->tables = tables;
  job->encode = encode;
  job->encode_max = (int32_t)encode_len - 1;
  napi_value out, name;
  void *dst;
  if (napi_create_buffer(env, (size_t)job->width * job->height * 3, &dst, &out) != napi_ok) {
    tjDestroy(tj);
    free(job);
    call_back(env, argv[5], "out of memory for the decoded picture", NULL, 0, 0);
    return NULL;
  }
  job->dst = dst;
  napi_create_reference(env, argv[0], 1, &job->input_ref);
  napi_create_reference(env, out, 1, &job->output_ref);
  napi_create_reference(env, argv[5], 1, &job->cb_ref);
  if (tables) {
    napi_create_reference(env, argv[3], 1, &job->tables_ref);
    napi_create_reference(env, argv[4], 1, &job->encode_ref);
  }
  napi_create_string_utf8(env, "jpeg-scale", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, execute, complete, job, &job->work);
  napi_queue_async_work(env, job->work);
  return NULL;
}

#endif

static napi_value Init(napi_env env, napi_value exports) {
  napi_value built;
#ifndef JPEG_SCALE_WITHOUT_TURBOJPEG
  napi_value fn;
  napi_create_function(env, "decode", NAPI_AUTO_LENGTH, Decode, NULL, &fn);
  napi_set_named_property(env, exports, "decode", fn);
  napi_get_boolean(env, true, &built);
#else
  napi_get_boolean(env, false, &built);
#endif
  napi_set_named_property(env, exports, "turbojpeg", built);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
