#!/usr/bin/env python3
"""Writes src/ast/node_kinds.def from CPython 3.11's ASDL, as typed below.

Run after changing the table; the output is committed. Field types:
  Node      required child node         OptNode   optional child node
  List      list of child nodes         Ident     identifier
  OptIdent  optional identifier         IdentList list of identifiers
  Const     constant value              OptStr    optional string (kind, type_comment)
  Int       plain int                   Op        singleton kind (Load, Add, ...)
  OpList    list of singleton kinds     OptNodeList list with None entries (Dict.keys, kw_defaults)
"""
import ast, sys

T = {
 'Module': [('body','List'),('type_ignores','List')],
 'Interactive': [('body','List')],
 'Expression': [('body','Node')],
 'FunctionType': [('argtypes','List'),('returns','Node')],
 'FunctionDef': [('name','Ident'),('args','Node'),('body','List'),('decorator_list','List'),('returns','OptNode'),('type_comment','OptStr')],
 'AsyncFunctionDef': [('name','Ident'),('args','Node'),('body','List'),('decorator_list','List'),('returns','OptNode'),('type_comment','OptStr')],
 'ClassDef': [('name','Ident'),('bases','List'),('keywords','List'),('body','List'),('decorator_list','List')],
 'Return': [('value','OptNode')],
 'Delete': [('targets','List')],
 'Assign': [('targets','List'),('value','Node'),('type_comment','OptStr')],
 'AugAssign': [('target','Node'),('op','Op'),('value','Node')],
 'AnnAssign': [('target','Node'),('annotation','Node'),('value','OptNode'),('simple','Int')],
 'For': [('target','Node'),('iter','Node'),('body','List'),('orelse','List'),('type_comment','OptStr')],
 'AsyncFor': [('target','Node'),('iter','Node'),('body','List'),('orelse','List'),('type_comment','OptStr')],
 'While': [('test','Node'),('body','List'),('orelse','List')],
 'If': [('test','Node'),('body','List'),('orelse','List')],
 'With': [('items','List'),('body','List'),('type_comment','OptStr')],
 'AsyncWith': [('items','List'),('body','List'),('type_comment','OptStr')],
 'Match': [('subject','Node'),('cases','List')],
 'Raise': [('exc','OptNode'),('cause','OptNode')],
 'Try': [('body','List'),('handlers','List'),('orelse','List'),('finalbody','List')],
 'TryStar': [('body','List'),('handlers','List'),('orelse','List'),('finalbody','List')],
 'Assert': [('test','Node'),('msg','OptNode')],
 'Import': [('names','List')],
 'ImportFrom': [('module','OptIdent'),('names','List'),('level','Int')],
 'Global': [('names','IdentList')],
 'Nonlocal': [('names','IdentList')],
 'Expr': [('value','Node')],
 'Pass': [], 'Break': [], 'Continue': [],
 'BoolOp': [('op','Op'),('values','List')],
 'NamedExpr': [('target','Node'),('value','Node')],
 'BinOp': [('left','Node'),('op','Op'),('right','Node')],
 'UnaryOp': [('op','Op'),('operand','Node')],
 'Lambda': [('args','Node'),('body','Node')],
 'IfExp': [('test','Node'),('body','Node'),('orelse','Node')],
 'Dict': [('keys','OptNodeList'),('values','List')],
 'Set': [('elts','List')],
 'ListComp': [('elt','Node'),('generators','List')],
 'SetComp': [('elt','Node'),('generators','List')],
 'DictComp': [('key','Node'),('value','Node'),('generators','List')],
 'GeneratorExp': [('elt','Node'),('generators','List')],
 'Await': [('value','Node')],
 'Yield': [('value','OptNode')],
 'YieldFrom': [('value','Node')],
 'Compare': [('left','Node'),('ops','OpList'),('comparators','List')],
 'Call': [('func','Node'),('args','List'),('keywords','List')],
 'FormattedValue': [('value','Node'),('conversion','Int'),('format_spec','OptNode')],
 'JoinedStr': [('values','List')],
 'Constant': [('value','Const'),('kind','OptStr')],
 'Attribute': [('value','Node'),('attr','Ident'),('ctx','Op')],
 'Subscript': [('value','Node'),('slice','Node'),('ctx','Op')],
 'Starred': [('value','Node'),('ctx','Op')],
 'Name': [('id','Ident'),('ctx','Op')],
 'List': [('elts','List'),('ctx','Op')],
 'Tuple': [('elts','List'),('ctx','Op')],
 'Slice': [('lower','OptNode'),('upper','OptNode'),('step','OptNode')],
 'comprehension': [('target','Node'),('iter','Node'),('ifs','List'),('is_async','Int')],
 'ExceptHandler': [('type','OptNode'),('name','OptIdent'),('body','List')],
 'arguments': [('posonlyargs','List'),('args','List'),('vararg','OptNode'),('kwonlyargs','List'),('kw_defaults','OptNodeList'),('kwarg','OptNode'),('defaults','List')],
 'arg': [('arg','Ident'),('annotation','OptNode'),('type_comment','OptStr')],
 'keyword': [('arg','OptIdent'),('value','Node')],
 'alias': [('name','Ident'),('asname','OptIdent')],
 'withitem': [('context_expr','Node'),('optional_vars','OptNode')],
 'match_case': [('pattern','Node'),('guard','OptNode'),('body','List')],
 'MatchValue': [('value','Node')],
 'MatchSingleton': [('value','Const')],
 'MatchSequence': [('patterns','List')],
 'MatchMapping': [('keys','List'),('patterns','List'),('rest','OptIdent')],
 'MatchClass': [('cls','Node'),('patterns','List'),('kwd_attrs','IdentList'),('kwd_patterns','List')],
 'MatchStar': [('name','OptIdent')],
 'MatchAs': [('pattern','OptNode'),('name','OptIdent')],
 'MatchOr': [('patterns','List')],
 'TypeIgnore': [('lineno','Int'),('tag','Ident')],
}
SINGLETONS = {
 'expr_context': ['Load','Store','Del'],
 'boolop': ['And','Or'],
 'operator': ['Add','Sub','Mult','MatMult','Div','Mod','Pow','LShift','RShift','BitOr','BitXor','BitAnd','FloorDiv'],
 'unaryop': ['Invert','Not','UAdd','USub'],
 'cmpop': ['Eq','NotEq','Lt','LtE','Gt','GtE','Is','IsNot','In','NotIn'],
}
out = ['// Generated by scripts/dev/gen_node_kinds.py from CPython 3.11\'s ASDL. Do not edit.',
       '// PORTALIS_NODE(Name, category, HasAttributes) then one PORTALIS_FIELD(name, Type) per field,',
       '// in ast._fields order. PORTALIS_SINGLETON(Name, category) for field-less enum-like nodes.',
       '#ifndef PORTALIS_NODE', '#define PORTALIS_NODE(Name, Category, Attrs)', '#endif',
       '#ifndef PORTALIS_FIELD', '#define PORTALIS_FIELD(Name, Type)', '#endif',
       '#ifndef PORTALIS_SINGLETON', '#define PORTALIS_SINGLETON(Name, Category)', '#endif']
for name, fields in T.items():
    cls = getattr(ast, name)
    assert tuple(f for f, _ in fields) == cls._fields, (name, cls._fields)
    cat = cls.__mro__[1].__name__
    if cat == 'AST': cat = name
    attrs = 'Attrs' if cls._attributes else 'NoAttrs'
    out.append(f'PORTALIS_NODE({name}, {cat}, {attrs})')
    for f, t in fields:
        out.append(f'  PORTALIS_FIELD({f}, {t})')
for cat, names in SINGLETONS.items():
    for n in names:
        out.append(f'PORTALIS_SINGLETON({n}, {cat})')
out += ['#undef PORTALIS_NODE', '#undef PORTALIS_FIELD', '#undef PORTALIS_SINGLETON']
open(sys.argv[1] if len(sys.argv) > 1 else 'src/ast/node_kinds.def', 'w').write('\n'.join(out) + '\n')
