#ifndef READINESS_CLIBXML2_SHIM_H
#define READINESS_CLIBXML2_SHIM_H

// libxml2's headers pull in the system ICU when libxml2 was built with it, and Foundation ships its own
// ICU: a module that sees both fails with "'UErrorCode' has different definitions". We never use
// libxml2's ICU paths, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as unsafe shared state.
static inline void readiness_xmlFree(void *pointer) { xmlFree(pointer); }

// Routes a parser context's errors to `handler` instead of stderr. libxml2 calls the handler with the
// context itself (ctxt->userData), so our own pointer travels in ctxt->_private.
static inline void readiness_setErrorHandler(xmlParserCtxtPtr ctxt, xmlStructuredErrorFunc handler, void *userData) {
    if (ctxt == NULL || ctxt->sax == NULL) return;
    ctxt->sax->serror = handler;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    ctxt->_private = userData;
}

static inline void *readiness_errorHandlerData(void *ctxt) {
    return ctxt == NULL ? NULL : ((xmlParserCtxtPtr) ctxt)->_private;
}

// Errors raised outside a parser context (encoding conversion, I/O) go to the per-thread generic
// handlers; silence them so nothing reaches stderr behind our back.
static inline void readiness_ignoreGenericError(void *ctx, const char *msg, ...) { (void) ctx; (void) msg; }
static inline void readiness_ignoreStructuredError(void *ctx, xmlErrorPtr error) { (void) ctx; (void) error; }
static inline void readiness_silenceThreadErrors(void) {
    xmlSetGenericErrorFunc(NULL, readiness_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, readiness_ignoreStructuredError);
}

static inline long readiness_lineOf(xmlNodePtr node) { return xmlGetLineNo(node); }

#endif
