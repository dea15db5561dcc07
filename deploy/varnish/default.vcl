# Varnish in front of gunicorn (`make serve`): caches public pages, lets the app purge them.
#
#   varnishd -a 127.0.0.1:6081 -f deploy/varnish/default.vcl -s malloc,256m
#   FRONTEND_CACHE_URL=http://127.0.0.1:6081 make serve
#
# What it caches is decided by the app's headers (docs/caching.md): only
# responses with `s-maxage`, never `private`/`no-store`/`no-cache` ones or
# ones that set a cookie. Requests from logged-in staff (a session cookie),
# the admin and documents always go to the app. The app purges through
# Wagtail's frontend cache (HTTP PURGE) from the addresses in `purgers`:
#   PURGE /some/path/   bans that path and every query string on it
#   PURGE /prefix/*     bans every URL starting with /prefix/  ("/*": the whole site)
# Bans match the URL on every host this Varnish serves: one site per
# Varnish is the normal case, and purging a little more is always safe.
#
# Query strings: only the parameters some page of the site reads are kept
# (KNOWN_PARAMETERS below, and `en` on the Spanish home page; a test checks the list
# against the code, another sends requests through this file with varnishtest), sorted, so a
# flood of made-up parameters (`?r=<random>`, `?utm_source=…`) is one object, not
# one per request that pushes real pages out. The app does the same per page.
#
# `GET /varnish-ping` is answered by Varnish itself: a load balancer checks this
# Varnish, not the app servers behind it, which it may still serve from cache.
#
# Several Varnish servers (make cluster): deploy/cluster/cluster.sh copies this
# file with the backend's port changed; every one of them is purged.
vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Only the app servers may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.url == "/varnish-ping") {
        return (synth(200, "OK"));
    }
    # The Spanish home page reads one parameter: ?en=<path of an English page with no Spanish version>,
    # for its "not yet in Spanish" note (base/models.py, docs/spanish.md). It alone is kept there, and only
    # when it is a path of at most 500 characters (the app reads no more): one object per such English
    # page, and one per made-up value, as for a made-up search word.
    if (req.url ~ "^/es/\?(?:.*&)?en=(?:/|%2[Ff])[^&]{0,499}(?:&|$)") {
        set req.url = regsub(req.url, "^/es/\?(?:.*&)?en=((?:/|%2[Ff])[^&]{0,499})(?:&.*)?$", "/es/?en=\1");
    } elsif (req.url ~ "\?" && req.url !~ "^/fhir/") {
        # The FHIR API (/fhir/r4/…) has search parameters of its own: its query strings are left whole.
        # KNOWN_PARAMETERS: every query parameter a page reads (Find a Doctor, site search, the A–Z filter).
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:q|page|specialty|condition|language|gender|accepting|telehealth|near|radius|sort|insurance)=)[^&]*(?:&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = std.querysort(req.url);
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address."));
        }
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    # Staff (session) and flash messages see personal pages; everyone else shares one copy.
    # recent_write: a visitor who just sent a form reads their own write from the primary (base/replica.py).
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages|recent_write)=") {
        return (pass);
    }
    unset req.http.Cookie;
    # The language is in the address (/es/… is Spanish, everything else English; docs/spanish.md),
    # never in the browser's Accept-Language: one cached copy per address, whatever the browser asks for.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Whole pages (tens of KB), not streamed: if the app server dies halfway through a response,
    # nothing has reached the visitor yet and the fetch is tried again (vcl_backend_error).
    set beresp.do_stream = false;
    # Remembered on the object so bans can be tested by the ban lurker, off the request path.
    set beresp.http.x-url = bereq.url;
    # Nothing here varies by Accept-Language (see vcl_recv); a Vary on it would only split the cache.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*accept-language\s*", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

# A fetch that failed (refused, cut off mid-response) is tried again: the load balancer behind
# sends it to another app server. Only GET and HEAD reach here for caching; others are passed once.
sub vcl_backend_error {
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
