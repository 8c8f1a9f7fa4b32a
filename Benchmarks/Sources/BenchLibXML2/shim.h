#ifndef READINESS_BENCH_LIBXML2_SHIM_H
#define READINESS_BENCH_LIBXML2_SHIM_H

// As in Sources/CLibXML2/shim.h: libxml2's headers pull in the system ICU when libxml2 was built with it,
// and Foundation ships its own ICU ("'UErrorCode' has different definitions"). We never use it: hide it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// The product routes parser messages to a collector; the floor drops them, which is no dearer. Without
// this, recovered HTML errors (Word's `<![if !supportLists]>`) would be printed to stderr.
static inline void bench_ignoreStructuredError(void *ctx, xmlErrorPtr error) { (void) ctx; (void) error; }
static inline void bench_ignoreGenericError(void *ctx, const char *msg, ...) { (void) ctx; (void) msg; }
static inline void bench_silenceErrors(void) {
    xmlSetGenericErrorFunc(NULL, bench_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, bench_ignoreStructuredError);
}
static inline void bench_silenceContext(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->sax == NULL) return;
    ctxt->sax->serror = bench_ignoreStructuredError;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
}

#endif
