"""Counts primes below a bound with a sieve."""


def sieve(limit: int) -> list[int]:
    is_prime = [True] * limit
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, limit, i):
                is_prime[j] = False
    return [i for i in range(limit) if is_prime[i]]


if __name__ == "__main__":
    primes = sieve(10000)
    print(len(primes), primes[:10], primes[-1])
