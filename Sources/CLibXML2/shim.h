#ifndef READINESS_CLIBXML2_SHIM_H
#define READINESS_CLIBXML2_SHIM_H

// libxml2's headers pull in the system ICU when libxml2 was built with it, and Foundation ships its own
// ICU: a module that sees both fails with "'UErrorCode' has different definitions". We never use
// libxml2's ICU paths, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/SAX2.h>
#include <stddef.h>
#include <string.h>

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

// Errors the HTML parser raises reach a context's `serror` only when its SAX handler is a SAX2 one, which
// the HTML handler is not: they go to the per-thread structured handler instead. Route that to `handler`
// for the length of one parse (the parse is synchronous, so it stays on this thread), then silence it.
static inline void readiness_routeThreadErrors(xmlStructuredErrorFunc handler, void *data) {
    xmlSetGenericErrorFunc(NULL, readiness_ignoreGenericError);
    xmlSetStructuredErrorFunc(data, handler);
}

// libxml2 stamps a new text node with the line where the parser stood when it delivered the text's first
// chunk, i.e. where that chunk ENDS: text running over several lines points past its start, and in HTML
// (which ignores XML_PARSE_BIG_LINES) lines past 65535 are clipped. This wrapper re-stamps a node it has
// just created with the line its text starts on, keeping lines past 65535 where xmlGetLineNo finds them
// (psvi, as libxml2 itself does for XML_PARSE_BIG_LINES).
static inline void readiness_charactersWithStartLine(void *ctx, const xmlChar *ch, int len) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;
    xmlNodePtr parent = ctxt == NULL ? NULL : ctxt->node;
    xmlNodePtr previousLast = parent == NULL ? NULL : parent->last;
    xmlSAX2Characters(ctx, ch, len);
    if (parent == NULL || ctxt->input == NULL || ctxt->linenumbers == 0) return;
    xmlNodePtr last = parent->last;
    // Text appended to an existing node keeps that node's line.
    if (last == NULL || last == previousLast || last->type != XML_TEXT_NODE) return;
    long line = ctxt->input->line;
    // memchr skips the stretches between line feeds many bytes at a time; the byte loop it replaces
    // was most of this wrapper's own cost.
    const xmlChar *cursor = ch;
    const xmlChar *end = ch + (len > 0 ? len : 0);
    while (cursor < end) {
        const xmlChar *feed = (const xmlChar *) memchr(cursor, '\n', (size_t) (end - cursor));
        if (feed == NULL) break;
        line--;
        cursor = feed + 1;
    }
    if (line < 1) line = 1;
    if (line < 65535) {
        last->line = (unsigned short) line;
    } else {
        last->line = 65535;
        last->psvi = (void *) (ptrdiff_t) line;
    }
}

static inline void readiness_trackTextStartLines(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->sax == NULL) return;
    if (ctxt->sax->characters == xmlSAX2Characters) ctxt->sax->characters = readiness_charactersWithStartLine;
    if (ctxt->sax->ignorableWhitespace == xmlSAX2Characters) ctxt->sax->ignorableWhitespace = readiness_charactersWithStartLine;
}

// Lets the caller answer entity look-ups the document itself cannot (see MarkupParser.standInEntity).
static inline void readiness_setEntityResolver(xmlParserCtxtPtr ctxt, getEntitySAXFunc resolver) {
    if (ctxt == NULL || ctxt->sax == NULL) return;
    ctxt->sax->getEntity = resolver;
}

static inline long readiness_lineOf(xmlNodePtr node) { return xmlGetLineNo(node); }

#endif
