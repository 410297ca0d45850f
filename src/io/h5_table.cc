#include "io/h5_table.h"

#include <cstring>
#include <memory>

namespace portalis::io {
namespace {

hid_t string_type() {
  hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  return t;
}

}  // namespace

void H5Table::begin_row() {
  // The first row defines the columns as it fills them; later rows reuse them.
  if (rows_ > 0) defining_ = false;
  if (!defining_) data_.resize((rows_ + 1) * row_size_);
  string_rows_.emplace_back();
  next_col_ = 0;
  ++rows_;
}

void H5Table::clear_rows() {
  defining_ = false;
  rows_ = 0;
  data_.clear();
  string_rows_.clear();
}

void H5Table::put(const char* name, Type type, const void* bytes, size_t size) {
  if (defining_) {
    // Natural alignment keeps the memory layout a valid C struct layout.
    size_t align = size;
    row_size_ = (row_size_ + align - 1) / align * align;
    columns_.push_back(Column{name, type, row_size_});
    row_size_ += size;
    data_.resize(row_size_);  // grows while the first row is defined
    std::memcpy(data_.data() + columns_.back().offset, bytes, size);
    ++next_col_;
    return;
  }
  const Column& c = columns_.at(next_col_++);
  std::memcpy(data_.data() + (rows_ - 1) * row_size_ + c.offset, bytes, size);
}

void H5Table::i32(const char* n, int32_t v) { put(n, Type::I32, &v, 4); }
void H5Table::u32(const char* n, uint32_t v) { put(n, Type::U32, &v, 4); }
void H5Table::u64(const char* n, uint64_t v) { put(n, Type::U64, &v, 8); }
void H5Table::u8(const char* n, uint8_t v) { put(n, Type::U8, &v, 1); }
void H5Table::f64(const char* n, double v) { put(n, Type::F64, &v, 8); }
void H5Table::str(const char* n, std::string_view v) {
  // Pointers are fixed up in write(): vectors may move while rows are added.
  string_rows_.back().emplace_back(v);
  const char* placeholder = nullptr;
  put(n, Type::Str, &placeholder, sizeof(char*));
}

std::string H5Table::write(hid_t parent, const char* name, std::string_view doc) {
  // Pad the row to the strictest alignment, as a C struct would be.
  size_t row = (row_size_ + 7) / 8 * 8;
  if (row != row_size_ && rows_ > 0) {
    std::vector<unsigned char> padded(rows_ * row);
    for (size_t r = 0; r < rows_; ++r) std::memcpy(padded.data() + r * row, data_.data() + r * row_size_, row_size_);
    data_.swap(padded);
  }
  if (rows_ == 0) row = row_size_ == 0 ? 8 : row;
  row_size_ = row;
  for (size_t r = 0; r < rows_; ++r) {
    size_t s = 0;
    for (const Column& c : columns_) {
      if (c.type != Type::Str) continue;
      const char* p = string_rows_[r][s++].c_str();
      std::memcpy(data_.data() + r * row_size_ + c.offset, &p, sizeof(char*));
    }
  }
  hid_t mem = H5Tcreate(H5T_COMPOUND, row_size_);
  hid_t str_t = string_type();
  for (const Column& c : columns_) {
    hid_t t = H5T_NATIVE_UINT64;
    switch (c.type) {
      case Type::I32: t = H5T_NATIVE_INT32; break;
      case Type::U32: t = H5T_NATIVE_UINT32; break;
      case Type::U64: t = H5T_NATIVE_UINT64; break;
      case Type::U8: t = H5T_NATIVE_UINT8; break;
      case Type::F64: t = H5T_NATIVE_DOUBLE; break;
      case Type::Str: t = str_t; break;
    }
    H5Tinsert(mem, c.name.c_str(), c.offset, t);
  }
  hsize_t dims[1] = {rows_};
  hid_t space = H5Screate_simple(1, dims, nullptr);
  hid_t ds = H5Dcreate2(parent, name, mem, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  std::string err;
  if (ds < 0) {
    err = std::string("cannot create dataset ") + name;
  } else {
    if (rows_ > 0 && H5Dwrite(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, data_.data()) < 0)
      err = std::string("cannot write dataset ") + name;
    if (!doc.empty()) {
      hid_t as = H5Screate(H5S_SCALAR);
      hid_t at = H5Acreate2(ds, "description", str_t, as, H5P_DEFAULT, H5P_DEFAULT);
      std::string d(doc);
      const char* p = d.c_str();
      H5Awrite(at, str_t, &p);
      H5Aclose(at);
      H5Sclose(as);
    }
    H5Dclose(ds);
  }
  H5Sclose(space);
  H5Tclose(str_t);
  H5Tclose(mem);
  return err;
}

H5Reader::H5Reader(const std::string& path) { file_ = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT); }
H5Reader::~H5Reader() {
  if (file_ >= 0) H5Fclose(file_);
}

long long H5Reader::rows(const char* dataset) const {
  if (file_ < 0 || H5Lexists(file_, dataset, H5P_DEFAULT) <= 0) return -1;
  hid_t ds = H5Dopen2(file_, dataset, H5P_DEFAULT);
  if (ds < 0) return -1;
  hid_t sp = H5Dget_space(ds);
  hsize_t dims[1] = {0};
  H5Sget_simple_extent_dims(sp, dims, nullptr);
  H5Sclose(sp);
  H5Dclose(ds);
  return static_cast<long long>(dims[0]);
}

namespace {
// Reads one member of a compound dataset by name (HDF5 converts the type).
template <class T>
std::vector<T> read_member(hid_t file, const char* dataset, const char* column, hid_t native) {
  std::vector<T> out;
  if (file < 0 || H5Lexists(file, dataset, H5P_DEFAULT) <= 0) return out;
  hid_t ds = H5Dopen2(file, dataset, H5P_DEFAULT);
  hid_t sp = H5Dget_space(ds);
  hsize_t dims[1] = {0};
  H5Sget_simple_extent_dims(sp, dims, nullptr);
  out.resize(dims[0]);
  hid_t mem = H5Tcreate(H5T_COMPOUND, sizeof(T));
  H5Tinsert(mem, column, 0, native);
  if (dims[0] > 0 && H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) out.clear();
  H5Tclose(mem);
  H5Sclose(sp);
  H5Dclose(ds);
  return out;
}
}  // namespace

std::vector<uint64_t> H5Reader::u64_column(const char* d, const char* c) const {
  return read_member<uint64_t>(file_, d, c, H5T_NATIVE_UINT64);
}
std::vector<int64_t> H5Reader::i64_column(const char* d, const char* c) const {
  return read_member<int64_t>(file_, d, c, H5T_NATIVE_INT64);
}
std::vector<double> H5Reader::f64_column(const char* d, const char* c) const {
  return read_member<double>(file_, d, c, H5T_NATIVE_DOUBLE);
}

std::vector<std::string> H5Reader::str_column(const char* d, const char* c) const {
  hid_t st = string_type();
  auto ptrs = read_member<char*>(file_, d, c, st);
  std::vector<std::string> out;
  for (char* p : ptrs) {
    out.emplace_back(p ? p : "");
    free(p);  // vlen strings are malloc'ed by the library
  }
  H5Tclose(st);
  return out;
}

std::vector<std::string> H5Reader::columns(const char* dataset) const {
  std::vector<std::string> out;
  if (file_ < 0 || H5Lexists(file_, dataset, H5P_DEFAULT) <= 0) return out;
  hid_t ds = H5Dopen2(file_, dataset, H5P_DEFAULT);
  hid_t t = H5Dget_type(ds);
  int n = H5Tget_nmembers(t);
  for (int i = 0; i < n; ++i) {
    char* name = H5Tget_member_name(t, static_cast<unsigned>(i));
    out.emplace_back(name);
    H5free_memory(name);
  }
  H5Tclose(t);
  H5Dclose(ds);
  return out;
}

std::string H5Reader::str_attr(const char* object, const char* attr) const {
  if (file_ < 0 || H5Aexists_by_name(file_, object, attr, H5P_DEFAULT) <= 0) return "";
  hid_t a = H5Aopen_by_name(file_, object, attr, H5P_DEFAULT, H5P_DEFAULT);
  hid_t st = string_type();
  char* p = nullptr;
  std::string out;
  if (H5Aread(a, st, &p) >= 0 && p) {
    out = p;
    H5free_memory(p);
  }
  H5Tclose(st);
  H5Aclose(a);
  return out;
}

long long H5Reader::int_attr(const char* object, const char* attr) const {
  if (file_ < 0 || H5Aexists_by_name(file_, object, attr, H5P_DEFAULT) <= 0) return -1;
  hid_t a = H5Aopen_by_name(file_, object, attr, H5P_DEFAULT, H5P_DEFAULT);
  long long v = -1;
  H5Aread(a, H5T_NATIVE_LLONG, &v);
  H5Aclose(a);
  return v;
}

}  // namespace portalis::io
