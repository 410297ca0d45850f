// The module index: summaries of real parsed code, and the binary format.
#include <gtest/gtest.h>

#include "index/summary.h"
#include "parse/parser.h"

namespace portalis::index {
namespace {

ModuleSummary summarize_source(std::string_view src, std::string_view name, bool is_package = false) {
  parse::ParseResult r = parse::parse_source(src);
  EXPECT_TRUE(r.ok) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  return summarize(r.module, name, "x.py", is_package);
}

constexpr std::string_view kSource = R"PY("""Doc."""
import os, sys as system
from . import sibling
from ..parent import thing as other
from .sub.mod import name
LIMIT: int = 10
a, (b, *c) = 1, (2, 3)

def plain(x, y: int = 2, *args, z: "list[str]", w=None, **kw) -> dict[str, int | None]:
    return {}

async def agen(p, /, q):
    yield p

def deco_free():
    def inner():
        yield 1
    return inner

class Base:
    pass

class ParseError(ValueError):
    pass

class Sub(ParseError):
    pass

@dataclass
class Point(Base, metaclass=Meta):
    x: int
    y: float = 0.0

    def __init__(self, x, y):
        self.x = x
        self.label = str(x)
        self.label = "again"

    @property
    def norm(self) -> float:
        return 0.0

    @norm.setter
    def norm(self, v):
        self.cache = v

    @staticmethod
    def make(n):
        n.ignored = 1

    @classmethod
    def create(cls):
        return cls(0, 0)
)PY";

TEST(Index, SummarizesImportsFunctionsClassesGlobals) {
  ModuleSummary s = summarize_source(kSource, "pkg.sub.mod");
  EXPECT_EQ(s.module_name, "pkg.sub.mod");
  EXPECT_FALSE(s.is_program);
  ASSERT_EQ(s.imports.size(), 5u);
  EXPECT_EQ(s.imports[0].module, "os");
  EXPECT_EQ(s.imports[1].module, "sys");
  EXPECT_EQ(s.imports[1].asname, "system");
  EXPECT_EQ(s.imports[2].module, "pkg.sub");  // from . import sibling
  EXPECT_EQ(s.imports[2].name, "sibling");
  EXPECT_EQ(s.imports[2].level, 1u);
  EXPECT_EQ(s.imports[3].module, "pkg.parent");
  EXPECT_EQ(s.imports[3].asname, "other");
  EXPECT_EQ(s.imports[4].module, "pkg.sub.sub.mod");
  EXPECT_EQ(s.globals, (std::vector<std::string>{"LIMIT", "a", "b", "c"}));

  ASSERT_EQ(s.functions.size(), 3u);
  const FunctionSig& f = s.functions[0];
  EXPECT_EQ(f.name, "plain");
  EXPECT_EQ(f.returns, "dict[str, int | None]");
  ASSERT_EQ(f.params.size(), 6u);
  EXPECT_EQ(f.params[0].name, "x");
  EXPECT_FALSE(f.params[0].has_default);
  EXPECT_EQ(f.params[1].annotation, "int");
  EXPECT_TRUE(f.params[1].has_default);
  EXPECT_EQ(f.params[2].kind, ParamKind::VarArgs);
  EXPECT_EQ(f.params[3].kind, ParamKind::KwOnly);
  EXPECT_EQ(f.params[3].annotation, "'list[str]'");
  EXPECT_FALSE(f.params[3].has_default);
  EXPECT_TRUE(f.params[4].has_default);
  EXPECT_EQ(f.params[5].kind, ParamKind::KwArgs);
  EXPECT_EQ(f.flags, 0u);
  EXPECT_EQ(f.line, 9u);
  EXPECT_EQ(s.functions[1].flags, uint32_t(kFnAsync | kFnGenerator));
  EXPECT_EQ(s.functions[1].params[0].kind, ParamKind::PosOnly);
  EXPECT_EQ(s.functions[2].flags, 0u) << "a nested generator does not make its parent one";

  ASSERT_EQ(s.classes.size(), 4u);
  EXPECT_EQ(s.classes[1].name, "ParseError");
  EXPECT_TRUE(s.classes[1].flags & kClsException);
  EXPECT_TRUE(s.classes[2].flags & kClsException) << "inherits from a local exception";
  const ClassSummary& p = s.classes[3];
  EXPECT_EQ(p.bases, (std::vector<std::string>{"Base"}));
  EXPECT_TRUE(p.flags & kClsDataclass);
  EXPECT_EQ(p.fields, (std::vector<std::string>{"x", "y", "label", "cache"}));
  ASSERT_EQ(p.methods.size(), 4u);
  EXPECT_EQ(p.methods[1].name, "norm");
  EXPECT_TRUE(p.methods[1].flags & kFnProperty);
  EXPECT_TRUE(p.methods[2].flags & kFnStaticMethod);
  EXPECT_TRUE(p.methods[3].flags & kFnClassMethod);
}

TEST(Index, ProgramDetection) {
  EXPECT_TRUE(summarize_source("def f():\n    pass\nif __name__ == '__main__':\n    f()\n", "m").is_program);
  EXPECT_TRUE(summarize_source("print('hi')\n", "m").is_program);
  EXPECT_TRUE(summarize_source("for i in range(3):\n    pass\n", "m").is_program);
  EXPECT_FALSE(summarize_source("'''doc'''\nimport os\nX = 1\ndef f():\n    print(1)\n", "m").is_program);
  EXPECT_FALSE(summarize_source("try:\n    import json\nexcept ImportError:\n    json = None\n", "m").is_program);
}

TEST(Index, PackageRelativeImports) {
  ModuleSummary s = summarize_source("from . import a\nfrom .b import c\n", "pkg", /*is_package=*/true);
  EXPECT_EQ(s.imports[0].module, "pkg");
  EXPECT_EQ(s.imports[1].module, "pkg.b");
}

TEST(Index, SerializeRoundTripsAndRejectsDamage) {
  ModuleSummary s = summarize_source(kSource, "pkg.sub.mod");
  s.functions[0].params[0].inferred = "i64";
  std::string blob = serialize(s);
  Diagnostic d;
  auto back = deserialize(blob, &d);
  ASSERT_TRUE(back);
  EXPECT_EQ(serialize(*back), blob);
  EXPECT_EQ(back->classes[3].fields, s.classes[3].fields);
  EXPECT_EQ(back->functions[0].params[0].inferred, "i64");
  // Every truncation is refused with a diagnostic, never a crash.
  for (size_t n = 0; n < blob.size(); ++n) {
    Diagnostic e;
    EXPECT_FALSE(deserialize(std::string_view(blob).substr(0, n), &e)) << n;
    EXPECT_FALSE(e.message.empty());
  }
  std::string other = blob;
  other[4] = 99;  // version
  EXPECT_FALSE(deserialize(other, &d));
  EXPECT_NE(d.message.find("version"), std::string::npos);
  // A huge count in a corrupted blob does not allocate: it is refused.
  std::string bogus = blob.substr(0, 8) + std::string("\xff\xff\xff\x7f", 4);
  EXPECT_FALSE(deserialize(bogus, &d));
}

TEST(Index, ModuleNames) {
  EXPECT_EQ(module_name_for_path("pkg/sub/mod.py"), "pkg.sub.mod");
  EXPECT_EQ(module_name_for_path("pkg/__init__.py"), "pkg");
  EXPECT_EQ(module_name_for_path("./top.py"), "top");
  EXPECT_EQ(module_name_for_path("a/b/__init__.py"), "a.b");
}

TEST(Index, GlobalIndexIsSortedAndFindable) {
  GlobalIndex g;
  for (const char* n : {"zeta", "alpha", "mid.x"}) {
    ModuleSummary s;
    s.module_name = n;
    g.add(s);
  }
  ASSERT_NE(g.find("mid.x"), nullptr);
  EXPECT_EQ(g.find("nope"), nullptr);
  EXPECT_EQ(g.modules().begin()->first, "alpha");
}

}  // namespace
}  // namespace portalis::index
