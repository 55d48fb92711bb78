// Flow-sensitive analysis of one function body over Clang's CFG: statement
// transfer over the state (State.h), solved by the worklist in Solver.h. Calls are
// dispatched in Calls.cpp to library models (CallModels.cpp, Formatting.cpp,
// Sinks.cpp) or the program's call sites (CallSites.cpp); expressions are evaluated
// in Evaluator.cpp; the summary is built from the exit state in FunctionSummary.cpp.
// The result is the function's summary in terms of its parameters and call sites.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include <clang/AST/Type.h>
#include <llvm/ADT/STLFunctionalExtras.h>

#include "extract/Accessors.h"
#include "extract/ApiCatalog.h"
#include "extract/Classifier.h"
#include "extract/State.h"
#include "facts/Facts.h"

namespace clang {
class ASTContext;
class ArraySubscriptExpr;
class BinaryOperator;
class CFGBlock;
class CFGAutomaticObjDtor;
class CallExpr;
class CXXCtorInitializer;
class CXXMethodDecl;
class CXXRecordDecl;
class Expr;
class FieldDecl;
class InitListExpr;
class LambdaExpr;
class FunctionDecl;
class MemberExpr;
class RecordDecl;
class Stmt;
class ParmVarDecl;
class ValueDecl;
class VarDecl;
}  // namespace clang

namespace egress {

struct TableRow;

// The braces a record is made from: `U{"https", host}`, `{"https", host}`, `u{...}`.
const clang::InitListExpr* recordInitList(const clang::Expr* e);
const clang::InitListExpr* arrayOfRecordInits(const clang::Expr* e);

struct AnalyzerContext {
  clang::ASTContext& ast;
  Classifier& classifier;
  ApiCatalog& apis;
  std::string root;  // paths in facts are relative to this
  AccessorIndex accessors;
  bool everySink = false;  // inventory: sinks without data are recorded too
};

class FunctionAnalyzer {
 public:
  // `fn` may be null when only constantValue() is wanted.
  FunctionAnalyzer(AnalyzerContext& ctx, const clang::FunctionDecl* fn);
  FunctionFacts run();
  // The string value of a global's initializer, as far as it is constant.
  StrVal constantValue(const clang::VarDecl* v) { return evalGlobalConstant(v).str; }
  // What a global's initializer stores, by key (USR, or USR.field for records).
  struct InitialValues {
    std::map<std::string, StrVal> strs;
    std::map<std::string, std::vector<std::string>> fns;  // TUFacts::initialFns
    std::map<std::string, std::string> refs;              // TUFacts::initialRefs
  };
  InitialValues initialValues(const clang::VarDecl* v);

 private:
  // Evaluation (Evaluator.cpp): pure, reads the state.
  AbsVal eval(const clang::Expr* e, const State& s);
  AbsVal evalExpr(const clang::Expr* e, const State& s);  // one level of eval()
  AbsVal evalDeclRef(const clang::ValueDecl* d, const clang::Expr* at, const State& s);
  AbsVal evalMember(const clang::MemberExpr* m, const State& s);
  std::optional<AbsVal> constantElement(const clang::ArraySubscriptExpr* sub);
  void nameTableAddress(const clang::Expr* object, AbsVal& v);
  void addCapturesOfCopies(const AbsVal& held, ArgFact& closure) const;
  static std::vector<std::string> tableFunctionsAbove(const AccessPath& p, const State& s);
  AbsVal evalPath(const AccessPath& p, clang::QualType type, const State& s);
  Taint recordFields(const AccessPath& p, const clang::RecordDecl* rd, const State& s, unsigned depth,
                     const clang::Expr* at);
  void holdsDataOfInput(const AccessPath& p, Taint& t) const;
  Taint fieldSource(const clang::FieldDecl* f, const clang::Expr* at);
  // A path into a constant global record with a constant initializer
  // (`const GeoPoint kDepot{51.4, 12.2};`): its fields are constants, not data.
  static bool inConstantGlobal(const AccessPath& p);
  static bool constantAbove(const AccessPath& p, const State& s);
  const clang::FieldDecl* fieldAtPath(const AccessPath& path) const;
  Taint inputLeftIn(const AccessPath& path);
  bool anyArgumentIsInput(const CallView& call, const State& s);
  Taint enclosingFieldSources(const clang::Expr* object, const clang::Expr* at);
  AbsVal evalMemberPointer(const clang::BinaryOperator* b, const State& s);
  AbsVal readField(const clang::FieldDecl* field, const std::optional<AccessPath>& path, const clang::Expr* object,
                   const clang::Expr* at, const State& s);
  std::optional<AccessPath> lvalue(const clang::Expr* e);
  std::optional<std::string> elementIndex(const clang::Expr* index) const;
  std::string shownFields(const std::string& fields) const;
  AccessPath thisPath() const;
  std::optional<AccessPath> aliasedOperand(const clang::CallExpr* call);
  std::optional<AccessPath> positionReturnedBy(const clang::CallExpr* call);
  std::optional<std::string> elementField(const CallView& view, bool paramKeys = false);
  std::optional<unsigned> constantParam(const clang::Expr* e) const;
  static bool isMappedHalfOfKeyedElement(const AccessPath& base, const clang::MemberExpr& m);
  static const clang::ParmVarDecl* ownCopyParam(const AccessPath& p);
  void storeInitialValue(const AccessPath& field, const clang::Expr* value, State& s);
  bool namesConfigSection(const clang::VarDecl* v, const clang::Expr* init, const State& s);
  std::optional<std::string> selectedElement(const CallView& view, const clang::RecordDecl** of = nullptr);
  std::optional<AbsVal> partApart(const AccessPath& p, clang::QualType type, const State& s);
  bool storeElements(const AccessPath& self, const CallView& view, clang::QualType type, State& s);
  void copyElements(const AccessPath& self, const clang::Expr* source, State& s);
  bool buildsElements(const CallView& view);
  void storeAggregate(const AccessPath& self, const clang::Expr* value, clang::QualType type, State& s);
  void storeConstantRecordFields(const AccessPath& self, const clang::Expr* value, State& s);
  bool unpackIntoReferences(const clang::Expr* lhs, const clang::Expr* rhs, const clang::Stmt* at, State& s);
  bool isSystemGlobal(const void* root) const;
  void appendField(AccessPath& p, const std::string& field);
  std::optional<unsigned> paramIndex(const void* root) const;
  AbsVal evalGlobalConstant(const clang::VarDecl* v);
  StrVal standardStream(const clang::VarDecl* var) const;

  // Calls, dispatched (Calls.cpp).
  AbsVal evalCall(const CallView& call, const State& s);
  void execCall(const CallView& call, State& s);
  AbsVal callInputs(const CallView& call, const State& s);
  AbsVal callResult(const CallView& call);

  // Call atoms narrowed to the field read of them (Narrowing.cpp).
  void noteCallRecord(const CallRef& ref, clang::QualType type);
  void narrowCalls(Taint& t, const clang::RecordDecl* record, const std::string& field, clang::QualType fieldType);
  void narrowCallsBelow(Taint& t, llvm::StringRef below);
  void narrowToElement(const CallView& call, Taint& t);
  void noteFieldRecord(const CallRef& part);
  void mayHaveWrittenBelow(const AccessPath& p, const CallRef& written, bool bodyUnseen, State& s);
  void capturesWrittenByCall(const clang::LambdaExpr* lambda, const CallRef& call, const clang::Expr* at, State& s);
  void fieldsLeftByCall(const AccessPath& object, unsigned id, unsigned input, const std::string& slot,
                        const Accessor& callee, State& s);
  void resetFields(const AccessPath& object, unsigned input, unsigned id, const std::string& slot,
                   const std::vector<Accessor::Reset>& resets, State& s);
  void noteLaterCall(const AccessPath& object, unsigned id, const std::string& slot, State& s);
  const clang::CXXMethodDecl* knownOverride(const CallView& call, const clang::CXXMethodDecl* method);

  // Library call models (CallModels.cpp).
  std::optional<AbsVal> evalModelledCall(const CallView& call, const State& s);
  AbsVal constructedValue(const CallView& call, const State& s);
  AbsVal evalUnmodelledCall(const CallView& call, const State& s);
  std::optional<AbsVal> storedElement(const CallView& call, const State& s);
  StrPiece provenance(const CallView& call, const ApiModel::Provenance& returns, const State& s,
                      bool viewOfParent = false);
  std::string keyPart(const CallView& call, const Operand& op, const State& s);
  bool namesSection(const CallView& call, const ApiModel::Provenance& returns, unsigned keyIndex) const;
  std::optional<unsigned> keyIndex(const CallView& call, const Operand& op, const State& s);
  bool execModelledCall(const CallView& call, State& s);
  bool writtenIntoTableRows(const clang::Expr* arg, clang::QualType param, const CallRef& written,
                            const clang::Expr* at, State& s);
  bool storeIntoTableRows(const CallView& call, const ApiModel::Flow& flow, const clang::Expr* target, State& s);
  void storeInTableRows(const std::vector<TableRow>& rows, const std::vector<clang::QualType>& copied,
                        const AbsVal& value, const clang::Stmt* at, State& s);
  void applyModel(const CallView& call, const ApiModel& m, bool intoObject, const std::vector<Operand>& sentThrough,
                  State& s);
  std::vector<const ApiModel*> halvesModels(const CallView& call);
  void storeHalves(const CallView& call, const ApiModel::Halves& halves, State& s);
  void readProperties(const CallView& call, const Operand& first, State& s);
  void forEachProperty(const CallView& call, const Operand& first, const State& s,
                       const std::function<void(const std::string&, const clang::Expr*)>& each);
  static AccessPath propertyField(const AccessPath& object, std::string property);
  void storeProperties(const AccessPath& object, const CallView& call, const ApiModel::SetProperties& set, State& s);
  void storeResultProperties(const AccessPath& self, const CallView& call, State& s);
  void markInput(const CallView& call, const std::vector<Operand>& input, State& s);
  void storeProvenance(const CallView& call, const ApiModel::Provenance& returns, State& s);
  std::vector<AbsVal> argumentValues(const CallView& call, unsigned first, const State& s);
  Taint inputFields(const AccessPath& p, const clang::RecordDecl* rd, const State& s, unsigned depth,
                    const clang::Expr* at);
  Taint inputSource(const clang::FieldDecl* f, const AbsVal& stored, const clang::Expr* at);
  std::optional<std::pair<AbsVal, AbsVal>> pairParts(const clang::Expr* e, const State& s);
  bool execVariadicBuiltin(const CallView& call, State& s);
  void keepResultBeforeOverwrite(const CallView& call, const State& s);
  void swapOperands(const CallView& call, const std::pair<Operand, Operand>& ops, State& s);
  std::map<std::string, AbsVal> takeBelow(const AccessPath& p, clang::QualType type, const clang::Expr* at, State& s);
  bool conditionHolds(const ApiModel& m, const CallView& call);
  std::optional<StrPiece> deferredCondition(const ApiModel& m, const CallView& call);
  const clang::CallExpr* madeBy(const void* root) const;
  StrVal aimedByConstructor(const CallView& call, const State& s);
  void applyDeferredModel(const CallView& call, const ApiModel& m, const StrPiece& when, State& s);
  static unsigned explicitArgs(const CallView& call);
  bool pointsToRecord(clang::QualType t) const;
  clang::QualType rootTypeOf(const clang::Expr* e);
  clang::QualType memberType(clang::QualType type, const std::string& fields) const;
  clang::QualType fieldType(const clang::CXXRecordDecl* record, llvm::StringRef name) const;
  const clang::CXXRecordDecl* pointedRecord(clang::QualType type) const;
  void recordMemberClasses(const clang::FieldDecl* member, const clang::CXXRecordDecl* held);
  Taint objectAfterCall(const CallView& call, const State& s);
  Taint declaredResult(const clang::FunctionDecl* callee, const clang::Expr* at);
  void storeDeclaredOutputs(const CallView& call, State& s);
  Taint declaredParam(unsigned index);
  const clang::Expr* operandExpr(const CallView& call, const Operand& op) const;
  std::vector<const clang::Expr*> operandExprs(const CallView& call, const Operand& op) const;
  void addPointeeBytes(const clang::Expr* e, AbsVal& v, const State& s);
  AbsVal operandValue(const CallView& call, const Operand& op, const State& s);
  StrVal provenanceKey(const CallView& call, const Operand& op, const State& s);
  AbsVal flowValue(const CallView& call, const ApiModel::Flow& flow, const State& s);
  Taint sanitize(Taint t, const std::vector<std::string>& removes) const;

  // Format strings (Formatting.cpp).
  StrVal formatted(const CallView& call, const ApiModel::Flow& flow, const State& s);
  StrVal formattedInOrder(const CallView& call, unsigned formatArgIndex, bool braces, const State& s);
  StrVal filledPlaceholders(const CallView& call, const State& s);
  StrVal formatArg(const clang::Expr* e, const State& s);

  // Sinks (Sinks.cpp).
  void recordSink(const CallView& call, const ApiModel& m, const State& s, const StrPiece* when = nullptr);
  bool writeIntoView(const CallView& call, const ApiModel& m, State& s);
  void writeIntoInput(const CallView& call, const ApiModel& m, State& s);
  std::optional<AccessPath> memoryViewOf(const clang::Expr* dest, const State& s);
  StrVal sinkDestination(const CallView& call, const Operand& op, const State& s);
  StrVal leftAboveHandle(const AccessPath& p, const State& s) const;
  void rebindSinkHandles(const State& exit);
  void applyMoves();

  // The program's own functions (CallSites.cpp).
  bool isUserFunction(const clang::FunctionDecl* fn) const;
  std::optional<AbsVal> evalProgramCall(const CallView& call, const State& s);
  void execProgramCall(const CallView& call, State& s);
  unsigned siteId(const clang::Expr* call);
  void recordCallSite(const CallView& call, const State& s);
  bool returnsItsObject(const clang::FunctionDecl* callee);
  void execScopeEndDestructor(const clang::CFGAutomaticObjDtor& dtor, State& s);
  ArgFact argFact(const clang::Expr* arg, const State& s);
  void pairCallbackContexts(const CallView& call, CallSiteFact& site) const;
  void copyFieldStrings(const AccessPath& object, const std::string& prefix, const State& s,
                        std::map<std::string, StrVal>& into);
  std::optional<unsigned> stableParamIndex(const clang::Expr* e) const;
  void noteLocalArg(unsigned site, int index, const clang::Expr* arg);
  void recordLocalArgsAtExit(const State& exit);
  ArgFact localAtExit(const AccessPath& path, const State& exit) const;
  void closureFields(const clang::Expr* arg, ArgFact& a, const State& s);
  std::optional<AccessPath> partOfOwnObject(const clang::Expr* init);
  std::string passedAsBase(const clang::Expr* arg, clang::QualType as = {});
  std::string returnedAsBase(const clang::Expr* value);
  void forEachFieldInit(const clang::InitListExpr* list, unsigned depth,
                        llvm::function_ref<void(const clang::FieldDecl*, const clang::Expr*)> each);
  void initListFields(const clang::InitListExpr* list, const std::string& prefix, ArgFact& a, const State& s,
                      unsigned depth);
  CallRef constructionSite(const CallView& call, const State& s);
  std::map<std::string, Taint> globalsWritten(const State& s) const;
  void forgetGlobalsAfterCall(State& s) const;
  static constexpr std::size_t kMaxGlobalsPerCall = 32;
  void recordIndirectCall(const CallView& call, const clang::Expr* target, unsigned firstArg, const State& s);
  void recordIndirectCallAt(const clang::Expr* at, const CallView& call, const clang::Expr* target, unsigned firstArg,
                            const State& s);
  void recordHandlerRun(const CallView& call, const clang::Expr* handler, const State& s);
  std::optional<const clang::Expr*> callbackContextArg(const CallView& call);
  void recordCallbackRun(const CallView& call, const clang::Expr* handler, const clang::Expr* context, const State& s);
  void recordCallbackThroughPointer(const CallView& call, const clang::Expr* handler, const clang::Expr* context,
                                    const State& s);
  const ApiModel::Invoke* invokingModel(const CallView& call);
  void runHandlersHandedToLibrary(const CallView& call, const State& s);
  std::string tableEntryAimedAt(const clang::Expr* target, const State& s);
  bool programFunctor(const clang::Expr* target) const;
  std::vector<std::string> callOperators(const clang::Expr* target) const;
  void recordConnection(const CallView& call, const ApiModel::Connect& connect, const State& s);
  bool emittedByLibrary(const clang::Expr* signal) const;
  bool invokesCallable(const CallView& call, const clang::Expr*& target, unsigned& firstArg);
  void afterIndirectCall(const CallView& call, const clang::Expr* target, State& s);
  void argumentsWrittenByPointerCall(const CallView& call, const clang::Expr* target,
                                     const std::vector<const clang::Expr*>& handed, State& s);
  static std::vector<const clang::Expr*> invokedArguments(const CallView& call, const ApiModel::Invoke& invoke);
  std::optional<AccessPath> writtenThrough(const clang::Expr* arg, clang::QualType type);
  static clang::QualType writtenRecordType(const clang::Expr* arg, clang::QualType type);
  void markWrittenByCall(const AccessPath& path, const CallRef& written, clang::QualType record, bool bodyUnseen,
                         bool below, const clang::Expr* at, State& s);
  StrVal stringLeftByCall(const AccessPath& path, const CallRef& written, clang::QualType record, const State& s);
  const clang::LambdaExpr* lambdaHeldBy(const clang::Expr* e) const;
  const clang::Expr* boundObject(const clang::Expr* callable);
  // Accessors (Accessors.h) run in place: a getter reads the field, a setter writes it.
  const clang::Expr* accessorObject(const CallView& call, unsigned input) const;
  std::optional<AbsVal> readThroughGetter(const CallView& call, const State& s);
  std::optional<AccessPath> getterField(const CallView& call);
  std::optional<AccessPath> getterPath(const CallView& call, const Accessor& a);
  void writeThroughSetter(const CallView& call, State& s);

  // Statements (FunctionAnalyzer.cpp).
  // `merge`: the path may hold others' captures too (a queue of lambdas).
  void storeClosure(const AccessPath& p, const clang::Expr* value, State& s, bool merge = false);
  static bool managesObject(const clang::Expr* e);
  bool noteContainerOf(const clang::VarDecl* v, const clang::Expr* init);
  static bool isParameter(const clang::Expr* e);
  void noteView(const clang::VarDecl* v, const clang::Expr* init);
  void makeView(const clang::VarDecl* v, const clang::Expr* target);
  void joinPart(const CallView& call, const ApiModel::Join& join, State& s);
  static const clang::Expr* addressed(const clang::Expr* e);
  static const clang::ValueDecl* namedVariable(const clang::Expr* e);
  static const clang::FieldDecl* namedField(const clang::Expr* e, const clang::MemberExpr** member = nullptr);
  const AccessPath* viewNamedBy(const clang::Expr* e) const;
  void returnInputFields(const AccessPath& path, clang::QualType type);
  void returnListFields(const clang::InitListExpr* list, const std::string& prefix, const Step& step, const State& s,
                        unsigned depth);
  static bool initialisesThroughPointer(const ApiModel::Flow& flow, const clang::Expr* target);
  bool notePointee(const clang::VarDecl* v, const clang::Expr* init);
  const clang::VarDecl* pointerAimedThrough(const clang::Expr* lhs, const AccessPath& target) const;
  std::optional<AccessPath> localPointerField(const clang::Expr* lhs);
  bool notePointeeAt(const AccessPath& field, clang::QualType type, const clang::Expr* value);
  bool isLocalObject(const void* root) const;
  void noteHeldObjects(const clang::VarDecl* holder, const CallView& view);
  static std::string memberHolding(const clang::CXXRecordDecl* holder, clang::QualType held);
  std::optional<AccessPath> pointeeOf(const clang::Expr* e);
  static bool copiesRecordPointer(clang::QualType type, const clang::Expr* init);
  void exec(const clang::Stmt* st, State& s);
  void store(const AccessPath& p, AbsVal v, State& s, const clang::Stmt* at, bool merge);
  void execDecl(const clang::VarDecl* v, State& s);
  void execInitializer(const clang::CXXCtorInitializer* init, State& s);
  void constructUserObject(const AccessPath& self, const CallView& view, State& s);
  // `onField` also sees each field's path and initializer (a global's pointer fields).
  void storeFieldInits(const AccessPath& p, const clang::InitListExpr* list, State& s, unsigned depth,
                       llvm::function_ref<void(const AccessPath&, const clang::Expr*)> onField = nullptr);
  void storeElementInits(const AccessPath& p, const clang::InitListExpr* array, State& s, unsigned depth,
                         llvm::function_ref<void(const AccessPath&, const clang::Expr*)> onField = nullptr);
  void storeEachElement(const AccessPath& table, const clang::InitListExpr* array, State& s, unsigned depth);
  void storeDefaultMemberInits(const AccessPath& p, const clang::RecordDecl* rd, State& s);
  bool aliasConstructed(const clang::VarDecl* v, const CallView& view);
  void execAssign(const clang::Expr* lhs, const clang::Expr* rhs, bool compound, const clang::Stmt* at, State& s);
  bool pointsToOwnObject(const clang::Expr* value) const;
  void copyOwnObjectFields(const AccessPath& self, const clang::Expr* pointer, const clang::Stmt* at, State& s);
  void execReturn(const clang::Expr* value, const State& s);
  void addReturnedStr(const StrVal& str);
  static bool carriesNothing(const AbsVal& v);
  bool isPlainLocal(const void* root) const;
  // The key of a path in a global ("USR.field"); constants only with `includeConst`.
  // Index-blind (data, function tables) unless `indexed` (strings: indexField()).
  std::string globalKey(const AccessPath& p, bool includeConst = false, bool indexed = false) const;
  void addGlobalInput(AbsVal& v, const AccessPath& p, clang::QualType type) const;
  const clang::Decl* globalRootOf(const AccessPath& p) const;
  bool isMutableGlobal(const AccessPath& p) const;  // without computing its key
  static bool isOnlyGlobal(const StrVal& v, const std::string& key);

  // Summary building (FunctionSummary.cpp).
  void collectEffects(const State& exit);
  void noteFieldStore(const clang::Expr* target, const StrVal& value, const clang::Stmt* at);
  static StrVal storedString(const AccessPath& path, const State& s);
  void noteParamField(const AccessPath& path, const clang::FieldDecl* field);
  void noteParamFieldAt(const clang::Expr* handle, const AccessPath& path);
  void recordFieldsOf(const clang::CXXRecordDecl* rd);
  static std::string guardField(const Guard& g);
  std::vector<Guard> guardsHeld(const State& s) const;
  static void keepCommonGuards(std::vector<Guard>& into, const std::vector<Guard>& other);
  // Keys named by text comparisons (TextKeys.cpp).
  const clang::ParmVarDecl* textParam(const clang::Expr* e) const;
  std::optional<std::pair<const clang::ParmVarDecl*, std::string>> textKeyOnEdge(const clang::CFGBlock& block,
                                                                                 unsigned succ);
  static void markTextKey(const std::pair<const clang::ParmVarDecl*, std::string>& key, State& edge);
  std::optional<std::string> settingKeyHeld(const State& s, const void* read) const;
  StrPiece paramPiece(const AccessPath& p, unsigned index, const State& s) const;

  SourceLoc loc(const clang::Stmt* st) const;
  SourceLoc loc(clang::SourceLocation l) const;
  std::string text(const clang::Stmt* st) const;
  std::string rootName(const AccessPath& p) const;

  AnalyzerContext& ctx_;
  const clang::FunctionDecl* fn_;
  FunctionFacts facts_;
  std::map<const void*, AccessPath> aliases_;                // reference variables -> what they name
  std::map<std::string, const clang::LambdaExpr*> lambdas_;  // lambdas evaluated here, by call operator USR
  std::map<AccessPath, AccessPath> fieldPointees_;           // pointer fields of local records -> what they point at
  // Callees whose every return is a position in one pointer parameter -> its index.
  struct ReturnedPosition {
    std::optional<unsigned> param;           // a position in this argument
    const clang::VarDecl* global = nullptr;  // some element of this global
  };
  std::map<const clang::FunctionDecl*, ReturnedPosition> returnedPosition_;
  std::map<const clang::CXXMethodDecl*, bool> returnsItsObject_;  // returnsItsObject(), by method
  // Local objects destroyed where a scope ends, by variable and the statement ending
  // it: an expression naming the object, standing for the destructor's call.
  std::map<std::pair<const clang::VarDecl*, const clang::Stmt*>, const clang::Expr*> destroyed_;
  std::map<const clang::Stmt*, clang::SourceLocation> scopeEnds_;  // those expressions -> where the scope ends
  std::map<const clang::VarDecl*, const clang::Expr*> boundTo_;    // reference variables -> their initializer
  // Pointers to streams over a buffer of the program (open_memstream, fmemopen: a
  // call result modelled with `alias`) -> that buffer.
  std::map<const clang::Decl*, AccessPath> views_;
  std::vector<AccessPath> constructedOver_;  // what stream objects were built over (aliasConstructed)
  // Handlers connected to functions (ApiModel::Connect), by kConnectedHandlers + USR.
  std::map<std::string, std::vector<std::string>> connections_;
  std::map<const clang::Decl*, const clang::Expr*> viewedExprs_;  // the same, as written (reads)
  std::map<const clang::Expr*, unsigned> sites_;
  std::map<unsigned, CallSiteFact> calls_;
  // Local objects handed to calls, by site and argument (-1: the object a method
  // runs on): their values at the exit go to FunctionFacts::localsAtExit.
  std::map<std::pair<unsigned, int>, AccessPath> localArgs_;
  // The record a call atom's value is (a call's result, the object a method ran on),
  // by site, slot and field: a field read narrows only atoms of that record.
  std::map<std::tuple<unsigned, std::string, std::string>, const clang::RecordDecl*> callRecords_;
  std::map<std::string, SinkFact> sinks_;  // keyed by location + library
  // Files renamed, by call site (the last visit of the call wins): (old path, new path).
  std::map<unsigned, std::pair<StrVal, StrVal>> moves_;
  // Strings stored into fields of records (noteFieldStore), by statement and field:
  // the last visit of a statement is its value at the fixpoint.
  std::map<std::pair<const clang::Stmt*, std::string>, FieldStoreFact> fieldStores_;
  std::map<std::string, AccessPath> sinkHandles_;   // sink key -> the handle naming its destination
  std::map<std::string, AccessPath> tlsHandles_;    // sink key -> its handle, to read `tls` at the exit
  std::map<std::string, StrPiece> sinkConditions_;  // sink key -> the When piece its destination's forms take
  std::map<const clang::VarDecl*, AbsVal> globals_;
  std::map<const clang::Expr*, AbsVal> resultsBeforeCall_;  // keepResultBeforeOverwrite()
  std::set<const clang::ParmVarDecl*> repointed_;
  std::set<const clang::ParmVarDecl*> stableParams_;   // conditions on these are guards (Guards.h)
  std::vector<const clang::ParmVarDecl*> textParams_;  // comparisons of these name keys (TextKeys.cpp)
  // The guards held where the CFG element being executed is: data read there is
  // conditional on them (Origin::guards, ParamRef::guards).
  std::vector<Guard> currentGuards_;
  // Local objects -> objects whose address their constructor was handed, each with
  // the one member of the holder's class that can hold it (empty: none or several).
  struct HeldObject {
    AccessPath object;
    std::string member;
  };
  std::map<const clang::Decl*, std::vector<HeldObject>> heldBy_;
  unsigned globalDepth_ = 0;
  unsigned evalDepth_ = 0;
  bool storeTableRows_ = false;         // in a global's initializer: tables of records row by row too
  std::vector<std::string> tableRows_;  // the paths of the tables stored so
};

}  // namespace egress
