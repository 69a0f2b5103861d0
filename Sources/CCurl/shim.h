#ifndef CLAIMPACK_CCURL_SHIM_H
#define CLAIMPACK_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift imports neither, so each
   argument type claimpack passes gets a function of its own. */

/// Sets an option that takes a long.
static inline CURLcode cp_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a curl_off_t.
static inline CURLcode cp_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a pointer (a string, a buffer, a list, user data).
static inline CURLcode cp_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// The callback that receives the body of a response.
typedef size_t (*cp_curl_write_callback)(char *data, size_t size, size_t count, void *user);

/// Sets the callback that receives the body of a response.
static inline CURLcode cp_curl_set_write_function(CURL *handle, cp_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Reads a piece of information that is a long.
static inline CURLcode cp_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a piece of information that is a string (owned by the handle).
static inline CURLcode cp_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
