#ifndef CLAIMPACK_CCURL_SHIM_H
#define CLAIMPACK_CCURL_SHIM_H

#include <curl/curl.h>

/* libcurl is not linked: TimestampKit's CurlLibrary opens it with dlopen on first use and
   looks its functions up with dlsym. These are the pointer types of the functions it calls,
   taken from curl's own declarations (`__typeof__` names the symbol without using it). */
typedef __typeof__(&curl_easy_init) cp_curl_easy_init;
typedef __typeof__(&curl_easy_cleanup) cp_curl_easy_cleanup;
typedef __typeof__(&curl_easy_perform) cp_curl_easy_perform;
typedef __typeof__(&curl_easy_strerror) cp_curl_easy_strerror;
typedef __typeof__(&curl_slist_append) cp_curl_slist_append;
typedef __typeof__(&curl_slist_free_all) cp_curl_slist_free_all;

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift imports neither them nor
   pointers to them, so CurlLibrary keeps their addresses as raw pointers and each argument
   type claimpack passes gets a function of its own that calls through one. */

/// Sets an option that takes a long; `setopt` is curl_easy_setopt.
static inline CURLcode cp_curl_set_long(void *setopt, CURL *handle, CURLoption option, long value) {
    return ((__typeof__(&curl_easy_setopt))setopt)(handle, option, value);
}

/// Sets an option that takes a curl_off_t; `setopt` is curl_easy_setopt.
static inline CURLcode cp_curl_set_offset(void *setopt, CURL *handle, CURLoption option, curl_off_t value) {
    return ((__typeof__(&curl_easy_setopt))setopt)(handle, option, value);
}

/// Sets an option that takes a pointer (a string, a buffer, a list, user data); `setopt`
/// is curl_easy_setopt.
static inline CURLcode cp_curl_set_pointer(void *setopt, CURL *handle, CURLoption option, const void *value) {
    return ((__typeof__(&curl_easy_setopt))setopt)(handle, option, value);
}

/// The callback that receives the body of a response.
typedef size_t (*cp_curl_write_callback)(char *data, size_t size, size_t count, void *user);

/// Sets the callback that receives the body of a response; `setopt` is curl_easy_setopt.
static inline CURLcode cp_curl_set_write_function(void *setopt, CURL *handle, cp_curl_write_callback callback) {
    return ((__typeof__(&curl_easy_setopt))setopt)(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Reads a piece of information that is a long; `getinfo` is curl_easy_getinfo.
static inline CURLcode cp_curl_get_long(void *getinfo, CURL *handle, CURLINFO info, long *value) {
    return ((__typeof__(&curl_easy_getinfo))getinfo)(handle, info, value);
}

/// Reads a piece of information that is a string (owned by the handle); `getinfo` is
/// curl_easy_getinfo.
static inline CURLcode cp_curl_get_string(void *getinfo, CURL *handle, CURLINFO info, char **value) {
    return ((__typeof__(&curl_easy_getinfo))getinfo)(handle, info, value);
}

#endif
